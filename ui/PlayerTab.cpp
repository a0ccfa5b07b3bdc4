#include "PlayerTab.h"

#include "CheckpointListWidget.h"
#include "PlayerSearchBar.h"
#include "TerminalView.h"
#include "TimelineWidget.h"
#include "play/Player.h"
#include "play/Recording.h"
#include "terminal/Terminal.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QGraphicsOpacityEffect>
#include <QInputDialog>
#include <QMenu>
#include <QPropertyAnimation>
#include <QStyle>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
const double kSpeeds[] = {0.25, 0.5, 1.0, 1.5, 2.0, 4.0, 8.0, 16.0};
// The keystroke overlay: how long it stays after the last key, how long it fades, and how
// many of the latest keys it shows.
constexpr int kKeystrokesMs = 1000;
constexpr int kKeystrokesFadeMs = 300;
constexpr qsizetype kKeystrokesShown = 24;
// The idle time limit choices besides "from the recording", "off" and "custom" (seconds),
// and the data of those three entries (the others' is the limit in µs).
const double kIdleLimits[] = {0.5, 1, 2, 5};
constexpr qint64 kIdleFromRecording = -1;
constexpr qint64 kIdleOff = 0;
constexpr qint64 kIdleCustom = -2;

// Theme icons with the style's own as a fallback (no icon theme installed: still icons).
QIcon themeIcon(const QString &name)
{
    static const std::pair<const char16_t *, QStyle::StandardPixmap> fallbacks[] = {
        {u"media-playback-start", QStyle::SP_MediaPlay},      {u"media-playback-pause", QStyle::SP_MediaPause},
        {u"media-skip-backward", QStyle::SP_MediaSkipBackward}, {u"media-skip-forward", QStyle::SP_MediaSkipForward},
        {u"media-seek-backward", QStyle::SP_MediaSeekBackward}, {u"media-seek-forward", QStyle::SP_MediaSeekForward},
        {u"go-previous", QStyle::SP_ArrowBack},                {u"go-next", QStyle::SP_ArrowForward},
        {u"view-fullscreen", QStyle::SP_TitleBarMaxButton},
    };
    if (name.isEmpty())
        return {};
    for (const auto &[theme, standard] : fallbacks)
        if (name == QStringView(theme))
            return QIcon::fromTheme(name, QApplication::style()->standardIcon(standard));
    return QIcon::fromTheme(name);
}

QString formatTime(qint64 us)
{
    const qint64 tenths = std::max<qint64>(0, us) / 100'000;
    const qint64 s = tenths / 10;
    const QString clock = s >= 3600 ? u"%1:%2:%3"_s.arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                                    : u"%1:%2"_s.arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return clock + u'.' + QString::number(tenths % 10);
}
} // namespace

PlayerTab::PlayerTab(QWidget *parent)
    : QWidget(parent)
    , m_recording(new Recording(this))
{
    m_player = new Player(m_recording, this);
    m_probe = new Player(m_recording, this);

    m_warnings = new QLabel(this);
    m_warnings->setObjectName(u"warningBar"_s);
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setContentsMargins(8, 4, 8, 4);
    m_warnings->setStyleSheet(u"background: #fdf6e3; color: #6b4b00;"_s);
    m_warnings->hide();

    m_progressRow = new QWidget(this);
    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(8, 2, 8, 2);
    m_progress = new QProgressBar(m_progressRow);
    m_progress->setObjectName(u"indexProgress"_s);
    m_progress->setFormat(tr("Indexing %p%"));
    m_cancel = new QPushButton(tr("Cancel"), m_progressRow);
    m_cancel->setToolTip(tr("Stop indexing; the part indexed so far stays playable"));
    connect(m_cancel, &QPushButton::clicked, m_recording, &Recording::cancel);
    progressLayout->addWidget(m_progress, 1);
    progressLayout->addWidget(m_cancel);
    m_progressRow->hide();

    m_view = new TerminalView(m_player->terminal(), this);
    m_view->setObjectName(u"playerView"_s);
    m_view->setReadOnly(true);

    m_keystrokes = new QLabel(m_view);
    m_keystrokes->setObjectName(u"keystrokeOverlay"_s);
    m_keystrokes->setStyleSheet(u"background: rgba(0,0,0,170); color: white; padding: 6px 10px; border-radius: 6px; font-size: 16pt;"_s);
    m_keystrokes->setTextFormat(Qt::PlainText);
    m_keystrokes->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_keystrokes->hide();
    // Shown for kKeystrokesMs after the last key, then faded out.
    auto *fade = new QGraphicsOpacityEffect(m_keystrokes);
    m_keystrokes->setGraphicsEffect(fade);
    auto *fadeOut = new QPropertyAnimation(fade, "opacity", m_keystrokes);
    fadeOut->setDuration(kKeystrokesFadeMs);
    fadeOut->setStartValue(1.0);
    fadeOut->setEndValue(0.0);
    connect(fadeOut, &QPropertyAnimation::finished, m_keystrokes, &QWidget::hide);
    m_keystrokesShown = new QTimer(this);
    m_keystrokesShown->setSingleShot(true);
    m_keystrokesShown->setInterval(kKeystrokesMs);
    connect(m_keystrokesShown, &QTimer::timeout, fadeOut, [fadeOut] { fadeOut->start(); });

    m_list = new CheckpointListWidget(this);
    m_list->setObjectName(u"checkpointList"_s);
    m_list->setFirstLineProvider([this](int checkpoint) { return firstLineAfterCheckpoint(checkpoint); });

    m_splitter = new QSplitter(this);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_list);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setCollapsible(0, false);
    m_splitter->setSizes({700, 400});

    m_timeline = new TimelineWidget(this);
    m_timeline->setObjectName(u"timeline"_s);

    // Ctrl+F: the find bar, its hits marked on the timeline.
    m_searchBar = new PlayerSearchBar(m_recording, m_player, m_view, this);
    connect(m_searchBar, &PlayerSearchBar::hitTimesChanged, m_timeline, &TimelineWidget::setSearchHits);
    connect(m_searchBar, &PlayerSearchBar::closed, m_view, [this] { m_view->setFocus(); });

    createActions();

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(6, 0, 6, 4);
    auto button = [this](const QString &name) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(action(name));
        b->setAutoRaise(true);
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
        b->setIconSize(QSize(22, 22));
        b->setFocusPolicy(Qt::NoFocus);
        return b;
    };
    m_playButton = button(u"actionPlayPause"_s);
    controls->addWidget(button(u"actionStart"_s));
    controls->addWidget(button(u"actionPreviousMark"_s));
    controls->addWidget(button(u"actionStepBack"_s));
    controls->addWidget(m_playButton);
    controls->addWidget(button(u"actionStepForward"_s));
    controls->addWidget(button(u"actionNextMark"_s));
    controls->addWidget(button(u"actionLastClear"_s));
    m_time = new QLabel(this);
    m_time->setObjectName(u"timeLabel"_s);
    m_time->setTextInteractionFlags(Qt::TextSelectableByMouse);
    controls->addSpacing(8);
    controls->addWidget(m_time);
    controls->addStretch(1);
    m_speed = new QComboBox(this);
    m_speed->setObjectName(u"speedBox"_s);
    m_speed->setFocusPolicy(Qt::NoFocus);
    for (double s : kSpeeds)
        m_speed->addItem(u"%1×"_s.arg(s), s);
    m_speed->setCurrentIndex(2);
    m_speed->setToolTip(tr("Playback speed (+ / -)"));
    connect(m_speed, &QComboBox::activated, this, &PlayerTab::setSpeedIndex);
    controls->addWidget(m_speed);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_warnings);
    layout->addWidget(m_progressRow);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_searchBar);
    layout->addWidget(m_timeline);
    layout->addLayout(controls);
    setFocusPolicy(Qt::StrongFocus);
    setFocusProxy(m_view);

    connect(m_recording, &Recording::stateChanged, this, &PlayerTab::onStateChanged);
    connect(m_recording, &Recording::indexChanged, this, &PlayerTab::onIndexChanged);
    connect(m_recording, &Recording::warningsChanged, this, &PlayerTab::updateWarnings);
    connect(m_recording, &Recording::indexProgress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(m_player, &Player::positionChanged, this, &PlayerTab::onPositionChanged);
    connect(m_player, &Player::durationChanged, this, [this](qint64 us) {
        m_timeline->setDuration(us);
        updateTime();
    });
    connect(m_player, &Player::stateChanged, this, &PlayerTab::updatePlayButton);
    connect(m_player, &Player::terminalChanged, this, &PlayerTab::onTerminalChanged);
    connect(m_player, &Player::inputEvent, this, &PlayerTab::showKeystrokes);

    connect(m_timeline, &TimelineWidget::seekRequested, m_player, &Player::seek);
    connect(m_timeline, &TimelineWidget::checkpointActivated, this, [this](int i) {
        const auto &cps = m_recording->index().checkpoints;
        if (i >= 0 && i < cps.size())
            m_player->seekToEvent(cps.at(i).eventIndex + 1);
    });
    connect(m_timeline, &TimelineWidget::markerActivated, this, [this](int i) {
        const auto &markers = m_recording->index().markers;
        if (i >= 0 && i < markers.size())
            m_player->seekToEvent(markers.at(i).eventIndex + 1);
    });
    connect(m_list, &CheckpointListWidget::checkpointActivated, m_timeline, &TimelineWidget::checkpointActivated);
    connect(m_list, &CheckpointListWidget::markerActivated, m_timeline, &TimelineWidget::markerActivated);
    updateTime();
    updatePlayButton();
}

PlayerTab::~PlayerTab() = default;

QAction *PlayerTab::addAction(const QString &name, const QString &text, const QKeySequence &key, const QString &icon,
                              void (PlayerTab::*slot)())
{
    auto *a = new QAction(themeIcon(icon), text, this);
    a->setObjectName(name);
    if (!key.isEmpty()) {
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(u"%1 (%2)"_s.arg(QString(text).remove(u'&'), key.toString(QKeySequence::NativeText)));
    }
    if (slot)
        connect(a, &QAction::triggered, this, slot);
    QWidget::addAction(a);
    m_actions << a;
    return a;
}

void PlayerTab::createActions()
{
    addAction(u"actionPlayPause"_s, tr("&Play"), Qt::Key_Space, u"media-playback-start"_s, nullptr);
    connect(action(u"actionPlayPause"_s), &QAction::triggered, m_player, &Player::togglePlay);
    addAction(u"actionStart"_s, tr("Go to &Start"), Qt::Key_Home, u"media-skip-backward"_s, nullptr);
    connect(action(u"actionStart"_s), &QAction::triggered, m_player, [this] { m_player->seekToEvent(0); });
    addAction(u"actionLastClear"_s, tr("Go to &Last Clear"), Qt::Key_End, u"media-skip-forward"_s, nullptr);
    connect(action(u"actionLastClear"_s), &QAction::triggered, m_player, &Player::seekToLastClear);
    addAction(u"actionPreviousMark"_s, tr("Previous Marker or Checkpoint"), Qt::Key_BracketLeft, u"go-previous"_s,
              &PlayerTab::previousMark);
    addAction(u"actionNextMark"_s, tr("Next Marker or Checkpoint"), Qt::Key_BracketRight, u"go-next"_s,
              &PlayerTab::nextMark);
    addAction(u"actionStepBack"_s, tr("Step &Back"), Qt::Key_Comma, u"media-seek-backward"_s, nullptr);
    connect(action(u"actionStepBack"_s), &QAction::triggered, m_player, &Player::stepBackward);
    addAction(u"actionStepForward"_s, tr("Step &Forward"), Qt::Key_Period, u"media-seek-forward"_s, nullptr);
    connect(action(u"actionStepForward"_s), &QAction::triggered, m_player, &Player::stepForward);
    addAction(u"actionBack5"_s, tr("Back 5 Seconds"), Qt::Key_Left, {}, &PlayerTab::back5);
    addAction(u"actionForward5"_s, tr("Forward 5 Seconds"), Qt::Key_Right, {}, &PlayerTab::forward5);
    addAction(u"actionBack10Percent"_s, tr("Back 10 %"), QKeySequence(Qt::ShiftModifier | Qt::Key_Left), {},
              &PlayerTab::back10);
    addAction(u"actionForward10Percent"_s, tr("Forward 10 %"), QKeySequence(Qt::ShiftModifier | Qt::Key_Right), {},
              &PlayerTab::forward10);
    addAction(u"actionFaster"_s, tr("Faster"), Qt::Key_Plus, {}, &PlayerTab::faster);
    addAction(u"actionSlower"_s, tr("Slower"), Qt::Key_Minus, {}, &PlayerTab::slower);
    for (int d = 0; d <= 9; ++d) {
        QAction *a = addAction(u"actionJump%1"_s.arg(d), tr("Jump to %1 %").arg(d * 10), Qt::Key(Qt::Key_0 + d), {},
                               nullptr);
        connect(a, &QAction::triggered, m_player, [this, d] { m_player->seekToFraction(d / 10.0); });
    }
    addAction(u"actionFullScreen"_s, tr("F&ull Screen"), Qt::Key_F, u"view-fullscreen"_s, nullptr);
    connect(action(u"actionFullScreen"_s), &QAction::triggered, this, &PlayerTab::fullScreenRequested);
    QAction *loop = addAction(u"actionLoop"_s, tr("&Loop"), {}, {}, nullptr);
    loop->setCheckable(true);
    connect(loop, &QAction::toggled, m_player, &Player::setLoop);
    QAction *pause = addAction(u"actionPauseAtMarkers"_s, tr("Pause at &Markers"), {}, {}, nullptr);
    pause->setCheckable(true);
    connect(pause, &QAction::toggled, m_player, &Player::setPauseAtMarkers);
    createIdleLimitMenu(addAction(u"actionIdleLimit"_s, tr("&Idle Time Limit"), {}, {}, nullptr));
    QAction *keys = addAction(u"actionShowKeystrokes"_s, tr("Show &Keystrokes"), {}, {}, nullptr);
    keys->setCheckable(true);
    keys->setToolTip(tr("Show recorded keyboard input over the terminal"));
    QAction *fit = addAction(u"actionScaleToFit"_s, tr("S&cale to Fit"), {}, {}, nullptr);
    fit->setCheckable(true);
    fit->setChecked(true);
    fit->setToolTip(tr("Show a recording larger than the view smaller, so that all of it is visible"));
    connect(fit, &QAction::toggled, m_view, &TerminalView::setFitToTerminal);
    m_view->setFitToTerminal(true);
    QAction *list = addAction(u"actionCheckpointList"_s, tr("Checkpoint &List"), {}, {}, nullptr);
    list->setCheckable(true);
    list->setChecked(true);
    connect(list, &QAction::toggled, m_list, &QWidget::setVisible);
    addAction(u"actionFind"_s, tr("Find in &Recording…"), QKeySequence::Find, u"edit-find"_s, nullptr);
    connect(action(u"actionFind"_s), &QAction::triggered, m_searchBar, &PlayerSearchBar::activate);
    addAction(u"actionFindNext"_s, tr("Find &Next"), Qt::Key_F3, {}, nullptr);
    connect(action(u"actionFindNext"_s), &QAction::triggered, m_searchBar, &PlayerSearchBar::findNext);
    addAction(u"actionFindPrevious"_s, tr("Find Pre&vious"), QKeySequence(Qt::ShiftModifier | Qt::Key_F3), {},
              nullptr);
    connect(action(u"actionFindPrevious"_s), &QAction::triggered, m_searchBar, &PlayerSearchBar::findPrevious);
}

QAction *PlayerTab::action(const QString &objectName) const
{
    for (QAction *a : m_actions) {
        if (a->objectName() == objectName)
            return a;
        if (const QMenu *menu = a->menu())
            for (QAction *entry : menu->actions())
                if (entry->objectName() == objectName)
                    return entry;
    }
    return nullptr;
}

// The idle time limit: the recording's (its header's idle_time_limit; the default), off, a
// few fixed ones, or one the user types.
void PlayerTab::createIdleLimitMenu(QAction *menuAction)
{
    menuAction->setToolTip(tr("Shorten pauses between events to at most this long"));
    m_idleLimitMenu = new QMenu(this);
    m_idleLimitMenu->setObjectName(u"menuIdleLimit"_s);
    menuAction->setMenu(m_idleLimitMenu);
    auto *group = new QActionGroup(m_idleLimitMenu);
    const auto entry = [&](const QString &name, const QString &text, qint64 data) {
        QAction *a = m_idleLimitMenu->addAction(text);
        a->setObjectName(name);
        a->setCheckable(true);
        a->setData(data);
        group->addAction(a);
        return a;
    };
    m_idleLimitChoice = entry(u"actionIdleLimitRecording"_s, QString(), kIdleFromRecording);
    m_idleLimitChoice->setChecked(true);
    entry(u"actionIdleLimitOff"_s, tr("&Off"), kIdleOff);
    m_idleLimitMenu->addSeparator();
    for (double s : kIdleLimits)
        entry(u"actionIdleLimit%1ms"_s.arg(qint64(s * 1000)), tr("%1 s").arg(QLocale().toString(s)),
              std::llround(s * 1e6));
    m_idleLimitMenu->addSeparator();
    entry(u"actionIdleLimitCustom"_s, tr("&Custom…"), kIdleCustom);
    connect(group, &QActionGroup::triggered, this, &PlayerTab::chooseIdleLimit);
    updateIdleLimitMenu();
}

void PlayerTab::updateIdleLimitMenu()
{
    const std::optional<double> s = m_recording->header().idleTimeLimit;
    action(u"actionIdleLimitRecording"_s)
        ->setText(s && *s > 0 ? tr("From the &Recording (%1 s)").arg(QLocale().toString(*s))
                              : tr("From the &Recording (none)"));
}

void PlayerTab::chooseIdleLimit(QAction *choice)
{
    const qint64 data = choice->data().toLongLong();
    if (data == kIdleFromRecording) {
        m_player->resetIdleTimeLimit();
    } else if (data == kIdleOff) {
        m_player->setIdleTimeLimit(std::nullopt);
    } else if (data == kIdleCustom) {
        const std::optional<qint64> now = m_player->idleTimeLimit();
        bool ok = false;
        const double s = QInputDialog::getDouble(this, tr("Idle Time Limit"),
                                                 tr("Shorten pauses longer than this many seconds:"),
                                                 now ? double(*now) / 1e6 : 2.0, 0.1, 86400, 1, &ok);
        if (!ok) {
            m_idleLimitChoice->setChecked(true); // cancelled: the choice in force stays
            return;
        }
        m_player->setIdleTimeLimit(std::llround(s * 1e6));
        choice->setText(tr("&Custom (%1 s)…").arg(QLocale().toString(s)));
    } else {
        m_player->setIdleTimeLimit(data);
    }
    m_idleLimitChoice = choice;
}

// Recorded input ('i' events, while playing or stepping) over the view's bottom-right
// corner: keys in quick succession on one line, gone kKeystrokesMs after the last one.
void PlayerTab::showKeystrokes(const QString &text)
{
    if (!action(u"actionShowKeystrokes"_s)->isChecked())
        return;
    QString shown;
    for (QChar c : text)
        shown += c == u'\r' ? u"⏎"_s : c == u'\x7f' ? u"⌫"_s : c == u'\x1b' ? u"Esc "_s
               : c.unicode() < 0x20 ? u"^"_s + QChar(c.unicode() + 0x40) : QString(c);
    if (m_keystrokes->isVisible() && m_keystrokesShown->isActive())
        shown.prepend(m_keystrokes->text());
    if (shown.size() > kKeystrokesShown) {
        shown = shown.right(kKeystrokesShown);
        if (shown.front().isLowSurrogate())
            shown.remove(0, 1);
    }
    if (auto *fadeOut = m_keystrokes->findChild<QPropertyAnimation *>())
        fadeOut->stop();
    if (auto *fade = qobject_cast<QGraphicsOpacityEffect *>(m_keystrokes->graphicsEffect()))
        fade->setOpacity(1.0);
    m_keystrokes->setText(shown);
    m_keystrokes->adjustSize();
    const QRect area = m_view->viewport()->geometry();
    m_keystrokes->move(area.right() - m_keystrokes->width() - 16, area.bottom() - m_keystrokes->height() - 12);
    m_keystrokes->show();
    m_keystrokes->raise();
    m_keystrokesShown->start();
}

void PlayerTab::open(const QString &path)
{
    m_positionedAtLoad = false;
    m_warningsDismissed = false;
    m_recording->open(path);
    Q_EMIT titleChanged(title());
}

QString PlayerTab::path() const
{
    return m_recording->path();
}

QString PlayerTab::title() const
{
    const QString name = QFileInfo(m_recording->path()).fileName();
    const QString t = m_recording->header().title;
    return t.isEmpty() ? name : u"%1 — %2"_s.arg(t, name);
}

QString PlayerTab::warningText() const
{
    return m_warnings->isVisible() ? m_warnings->text() : QString();
}

void PlayerTab::onStateChanged()
{
    const Recording::State s = m_recording->state();
    if (s == Recording::State::Indexing || s == Recording::State::Ready)
        updateIdleLimitMenu(); // the header is known
    m_progressRow->setVisible(s == Recording::State::Indexing);
    if (s == Recording::State::Indexing) {
        m_progress->setRange(0, 0);
        Q_EMIT titleChanged(title());
    }
    if (s == Recording::State::Failed) {
        m_warnings->setText(tr("Cannot open %1: %2").arg(m_recording->path(), m_recording->errorString()));
        m_warnings->setStyleSheet(u"background: #fbe3e4; color: #8a1f11;"_s);
        m_warnings->show();
        return;
    }
    if (s == Recording::State::Ready) {
        onIndexChanged();
        Q_EMIT titleChanged(title());
        // Open where the session last started afresh: the last clear, at once.
        if (!m_positionedAtLoad) {
            m_positionedAtLoad = true;
            if (!m_player->seekToLastClear())
                m_player->seekToEvent(0);
        }
    }
    updateWarnings();
}

void PlayerTab::onIndexChanged()
{
    const CheckpointIndex &index = m_recording->index();
    m_timeline->setDuration(index.durationUs);
    m_timeline->setIndex(index);
    m_timeline->setDensity(index.outputDensity());
    m_list->setIndex(index);
    updateTime();
}

void PlayerTab::onPositionChanged(qint64 us)
{
    m_timeline->setPosition(us);
    m_list->setPosition(us);
    updateTime();
}

void PlayerTab::onTerminalChanged(Terminal *terminal)
{
    m_view->setTerminal(terminal);
}

void PlayerTab::updateTime()
{
    m_time->setText(u"%1 / %2"_s.arg(formatTime(m_player->position()), formatTime(m_player->duration())));
}

void PlayerTab::updatePlayButton()
{
    QAction *a = action(u"actionPlayPause"_s);
    const bool playing = m_player->isPlaying();
    a->setText(playing ? tr("&Pause") : tr("&Play"));
    a->setIcon(themeIcon(playing ? u"media-playback-pause"_s : u"media-playback-start"_s));
    a->setToolTip(u"%1 (%2)"_s.arg(playing ? tr("Pause") : tr("Play"), a->shortcut().toString(QKeySequence::NativeText)));
}

void PlayerTab::updateWarnings()
{
    if (m_recording->state() == Recording::State::Failed || m_warningsDismissed)
        return;
    const QStringList w = m_recording->warnings();
    m_warnings->setVisible(!w.isEmpty());
    if (w.isEmpty())
        return;
    QString text = w.size() == 1 ? w.first()
                                 : tr("%n problem(s) in this recording; the valid part plays. First: %1", nullptr, int(w.size()))
                                       .arg(w.first());
    m_warnings->setText(text);
    m_warnings->setToolTip(w.mid(0, 30).join(u'\n'));
}

void PlayerTab::seekBy(qint64 us)
{
    m_player->seek(std::clamp<qint64>(m_player->position() + us, 0, m_player->duration()));
}

void PlayerTab::seekByFraction(double f)
{
    seekBy(qint64(std::llround(f * double(m_player->duration()))));
}

void PlayerTab::faster()
{
    setSpeedIndex(std::min(m_speed->currentIndex() + 1, m_speed->count() - 1));
}

void PlayerTab::slower()
{
    setSpeedIndex(std::max(m_speed->currentIndex() - 1, 0));
}

void PlayerTab::setSpeedIndex(int index)
{
    m_speed->setCurrentIndex(index);
    m_player->setSpeed(m_speed->itemData(index).toDouble());
}

// [ and ]: whichever of the next checkpoint and the next marker comes first.
void PlayerTab::nextMark()
{
    const CheckpointIndex &index = m_recording->index();
    const qint64 applied = m_player->eventIndex();
    qint64 cp = -1, mk = -1;
    for (const Checkpoint &c : index.checkpoints)
        if (c.eventIndex + 1 > applied) {
            cp = c.eventIndex;
            break;
        }
    for (const CastMarker &m : index.markers)
        if (m.eventIndex + 1 > applied) {
            mk = m.eventIndex;
            break;
        }
    if (cp < 0 && mk < 0)
        return;
    const qint64 target = cp < 0 ? mk : mk < 0 ? cp : std::min(cp, mk);
    m_player->seekToEvent(target + 1);
}

void PlayerTab::previousMark()
{
    const CheckpointIndex &index = m_recording->index();
    const qint64 applied = m_player->eventIndex();
    qint64 target = -1;
    for (const Checkpoint &c : index.checkpoints)
        if (c.eventIndex + 1 < applied)
            target = std::max(target, c.eventIndex);
    for (const CastMarker &m : index.markers)
        if (m.eventIndex + 1 < applied)
            target = std::max(target, m.eventIndex);
    m_player->seekToEvent(target < 0 ? 0 : target + 1);
}

QString PlayerTab::firstLineAfterCheckpoint(int checkpoint)
{
    const auto &cps = m_recording->index().checkpoints;
    if (checkpoint < 0 || checkpoint >= cps.size())
        return {};
    m_probe->seekToEvent(cps.at(checkpoint).eventIndex + 1);
    m_probe->finishSeek();
    const QStringList rows = m_probe->terminal()->snapshot().textRows();
    for (const QString &row : rows)
        if (!row.trimmed().isEmpty())
            return row.trimmed();
    return {};
}
