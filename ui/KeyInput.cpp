#include "KeyInput.h"

#include "terminal/Terminal.h"

#include <QKeyEvent>

#include <optional>

namespace {
Terminal::Modifiers toTerminal(Qt::KeyboardModifiers m)
{
    Terminal::Modifiers out;
    if (m & Qt::ShiftModifier)
        out |= Terminal::Shift;
    if (m & Qt::AltModifier)
        out |= Terminal::Alt;
    if (m & Qt::ControlModifier)
        out |= Terminal::Ctrl;
    return out;
}

// Keys on the numeric keypad with NumLock on (Qt sets KeypadModifier for all keypad keys).
std::optional<Terminal::Key> keypadKey(int key)
{
    using K = Terminal::Key;
    if (key >= Qt::Key_0 && key <= Qt::Key_9)
        return K(int(K::Kp0) + (key - Qt::Key_0));
    switch (key) {
    case Qt::Key_Asterisk: return K::KpMultiply;
    case Qt::Key_Plus: return K::KpPlus;
    case Qt::Key_Comma: return K::KpComma;
    case Qt::Key_Minus: return K::KpMinus;
    case Qt::Key_Period: return K::KpPeriod;
    case Qt::Key_Slash: return K::KpDivide;
    case Qt::Key_Enter: return K::KpEnter;
    case Qt::Key_Equal: return K::KpEqual;
    default: return std::nullopt;
    }
}

std::optional<Terminal::Key> namedKey(int key)
{
    using K = Terminal::Key;
    if (key >= Qt::Key_F1 && key <= Qt::Key_F12)
        return K(int(K::F1) + (key - Qt::Key_F1));
    switch (key) {
    case Qt::Key_Return: case Qt::Key_Enter: return K::Enter;
    case Qt::Key_Tab: return K::Tab;
    case Qt::Key_Backspace: return K::Backspace;
    case Qt::Key_Escape: return K::Escape;
    case Qt::Key_Up: return K::Up;
    case Qt::Key_Down: return K::Down;
    case Qt::Key_Left: return K::Left;
    case Qt::Key_Right: return K::Right;
    case Qt::Key_Insert: return K::Insert;
    case Qt::Key_Delete: return K::Delete;
    case Qt::Key_Home: return K::Home;
    case Qt::Key_End: return K::End;
    case Qt::Key_PageUp: return K::PageUp;
    case Qt::Key_PageDown: return K::PageDown;
    default: return std::nullopt;
    }
}
} // namespace

int KeyInput::controlCharacter(int key)
{
    if (key >= Qt::Key_A && key <= Qt::Key_Z)
        return 1 + (key - Qt::Key_A);
    switch (key) {
    case Qt::Key_At: case Qt::Key_Space: case Qt::Key_2: return 0x00;
    case Qt::Key_BracketLeft: case Qt::Key_3: return 0x1b;
    case Qt::Key_Backslash: case Qt::Key_4: return 0x1c;
    case Qt::Key_BracketRight: case Qt::Key_5: return 0x1d;
    case Qt::Key_AsciiCircum: case Qt::Key_AsciiTilde: case Qt::Key_6: return 0x1e;
    case Qt::Key_Underscore: case Qt::Key_Slash: case Qt::Key_7: return 0x1f;
    case Qt::Key_Question: case Qt::Key_8: return 0x7f;
    default: return -1;
    }
}

bool KeyInput::send(Terminal &terminal, const QKeyEvent &event)
{
    const Qt::KeyboardModifiers qtMods = event.modifiers();
    const Terminal::Modifiers mods = toTerminal(qtMods);
    const int key = event.key();

    if (qtMods & Qt::KeypadModifier) {
        // With NumLock off the keypad sends Home, Up... which are handled below.
        if (std::optional<Terminal::Key> k = keypadKey(key)) {
            // libvterm sends LF for keypad Enter in numeric mode; xterm and every other
            // terminal send CR, which is what programs in raw mode expect.
            if (*k == Terminal::Key::KpEnter && !terminal.modes().appKeypad)
                k = Terminal::Key::Enter;
            terminal.sendKey(*k, mods);
            return true;
        }
    }
    if (key == Qt::Key_Backtab) {
        terminal.sendKey(Terminal::Key::Tab, mods | Terminal::Shift); // CSI Z
        return true;
    }
    if (key == Qt::Key_Backspace && (mods & Terminal::Ctrl)) {
        terminal.sendChar(0x08, mods & Terminal::Alt);
        return true;
    }
    if (const std::optional<Terminal::Key> k = namedKey(key)) {
        terminal.sendKey(*k, mods);
        return true;
    }
    if (mods & Terminal::Ctrl) {
        const int c0 = controlCharacter(key);
        if (c0 >= 0) {
            terminal.sendChar(char32_t(c0), mods & Terminal::Alt);
            return true;
        }
    }
    // Text as the keyboard layout, dead keys and compose made it. Shift is already in it;
    // Ctrl has nothing to add to a character without a control code.
    const QList<uint> text = event.text().toUcs4();
    bool sent = false;
    for (uint cp : text) {
        if (cp < 0x20 || cp == 0x7f) {
            // A control character in text() is what the platform made of Ctrl+key; the
            // table above covers the keys that have one.
            if (!(mods & Terminal::Ctrl))
                terminal.sendChar(char32_t(cp), mods & Terminal::Alt);
            else
                continue;
        } else {
            terminal.sendChar(char32_t(cp), mods & Terminal::Alt);
        }
        sent = true;
    }
    return sent;
}
