<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>CheckpointListModel</name>
    <message>
        <location filename="../ui/CheckpointListModel.cpp" line="+214"/>
        <source>Marker</source>
        <translation>Marker</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(blank screen)</source>
        <translation>(leerer Bildschirm)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Marker at %1</source>
        <translation>Marker bei %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Marker “%1” at %2</source>
        <translation>Marker „%1“ bei %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>at %1, event %2, terminal %3×%4</source>
        <translation>bei %1, Ereignis %2, Terminal %3×%4</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen</source>
        <translation>Bildschirm</translation>
    </message>
</context>
<context>
    <name>CheckpointListWidget</name>
    <message>
        <location filename="../ui/CheckpointListWidget.cpp" line="+33"/>
        <source>Checkpoints and markers</source>
        <translation>Checkpoints und Marker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear checkpoints and markers of the recording in time order: time, kind and the first line of the screen after it. Click or press Enter to jump.</source>
        <translation>Checkpoints der Bildschirmlöschungen und Marker der Aufnahme in zeitlicher Reihenfolge: Zeit, Art und die erste Zeile des Bildschirms danach. Zum Springen klicken oder Eingabe drücken.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No clear checkpoints or markers in this recording yet.</source>
        <translation>Diese Aufnahme hat noch keine Checkpoints oder Marker.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checkpoint list</source>
        <translation>Checkpoint-Liste</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Marker</source>
        <translation>Marker</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/CommandLine.cpp" line="+36"/>
        <source>Describe a recording: format, duration, events, markers and clear checkpoints.</source>
        <translation>Beschreibt eine Aufnahme: Format, Dauer, Ereignisse, Marker und die Checkpoints der Bildschirmlöschungen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the screen at one moment.</source>
        <translation>Gibt den Bildschirm zu einem Zeitpunkt aus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play a recording in this terminal.</source>
        <translation>Spielt eine Aufnahme in diesem Terminal ab.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record a program in this terminal.</source>
        <translation>Nimmt ein Programm in diesem Terminal auf.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Terminal recorder and player for asciicast (.cast) files.</source>
        <translation>Terminal-Rekorder und -Player für asciicast-Dateien (.cast).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commands (run without a display):</source>
        <translation>Befehle (laufen ohne Anzeige):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Without a command, CastDeck opens its window with the given recordings.</source>
        <translation>Ohne Befehl öffnet CastDeck sein Fenster mit den angegebenen Aufnahmen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recordings to open.</source>
        <translation>Zu öffnende Aufnahmen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a window of its own even when CastDeck is already running.</source>
        <translation>Öffnet ein eigenes Fenster, auch wenn CastDeck bereits läuft.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the dialog to open a recording.</source>
        <translation>Zeigt den Dialog zum Öffnen einer Aufnahme an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record a scripted session into DIR, open it in the player at its last clear, save a screenshot there and quit.</source>
        <translation>Nimmt eine vorgegebene Shell-Sitzung in DIR auf, öffnet sie im Player an ihrer letzten Bildschirmlöschung, speichert dort ein Bildschirmfoto und beendet sich.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Open a new terminal tab.</source>
        <translation>Öffnet einen neuen Terminal-Tab.</translation>
    </message>
</context>
<context>
    <name>HeadlessDemo</name>
    <message>
        <location filename="../app/HeadlessDemo.cpp" line="+72"/>
        <source>Recording a scripted shell session into %1</source>
        <translation>Eine vorgegebene Shell-Sitzung wird in %1 aufgenommen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>could not start /bin/sh: %1</source>
        <translation>/bin/sh konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>could not record: %1</source>
        <translation>Aufnahme nicht möglich: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>recording failed: %1</source>
        <translation>Aufnahme fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recorded: %1</source>
        <translation>Aufgenommen: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the player could not open the recording: %1</source>
        <translation>der Player konnte die Aufnahme nicht öffnen: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Clear checkpoints of %1 (sidecar %2):</source>
        <translation>Checkpoints der Bildschirmlöschungen in %1 (Sidecar %2):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The player opened it at its last clear: %1 s of %2 s.</source>
        <translation>Der Player hat sie an ihrer letzten Bildschirmlöschung geöffnet: %1 s von %2 s.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>could not save a screenshot to %1</source>
        <translation>Bildschirmfoto konnte nicht unter %1 gespeichert werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screenshot of the window: %1</source>
        <translation>Bildschirmfoto des Fensters: %1</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../ui/HelpDialog.cpp" line="+30"/>
        <source>&lt;h2&gt;CastDeck %1&lt;/h2&gt;&lt;p&gt;A terminal that records, and a player for asciicast (.cast) recordings.&lt;/p&gt;&lt;p&gt;Built with:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt %2 (running on %3) — LGPL-3.0-only&lt;/li&gt;&lt;li&gt;KDE Frameworks KPty %4 — LGPL-2.0-or-later&lt;/li&gt;&lt;li&gt;libvterm %5 — MIT&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The asciicast format was designed by the asciinema project.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;CastDeck %1&lt;/h2&gt;&lt;p&gt;Ein Terminal, das aufnimmt, und ein Player für asciicast-Aufnahmen (.cast).&lt;/p&gt;&lt;p&gt;Erstellt mit:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt %2 (läuft mit %3) — LGPL-3.0-only&lt;/li&gt;&lt;li&gt;KDE Frameworks KPty %4 — LGPL-2.0-or-later&lt;/li&gt;&lt;li&gt;libvterm %5 — MIT&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Das asciicast-Format stammt vom asciinema-Projekt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In a terminal</source>
        <translation>In einem Terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selection</source>
        <translation>Auswahl kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the clipboard</source>
        <translation>Zwischenablage einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the primary selection (also: middle click)</source>
        <translation>Primäre Auswahl einfügen (auch: mittlere Maustaste)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scroll back / forward a page</source>
        <translation>Eine Seite zurück / vor blättern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double / triple click</source>
        <translation>Doppel- / Dreifachklick</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a word / a line</source>
        <translation>Ein Wort / eine Zeile auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift+drag</source>
        <translation>Umschalt+Ziehen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select even when the program uses the mouse</source>
        <translation>Auswählen, auch wenn das Programm die Maus verwendet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About CastDeck</source>
        <translation>Über CastDeck</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <location filename="../app/InfoCommand.cpp" line="+89"/>
        <source>Describe an asciicast recording: format, duration, events, markers and clear checkpoints with their exact byte offsets.</source>
        <translation>Beschreibt eine asciicast-Aufnahme: Format, Dauer, Ereignisse, Marker und die Checkpoints der Bildschirmlöschungen mit ihren genauen Byte-Offsets.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print JSON (keys documented in README.md).</source>
        <translation>JSON ausgeben (die Schlüssel sind in README.md beschrieben).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail on the first malformed or truncated line.</source>
        <translation>Bei der ersten fehlerhaften oder abgeschnittenen Zeile abbrechen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The .cast file.</source>
        <translation>Die .cast-Datei.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>castdeck info: expected exactly one FILE (see castdeck info --help)</source>
        <translation>castdeck info: genau eine Datei (FILE) erwartet (siehe castdeck info --help)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>File:        %1</source>
        <translation>Datei:           %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:      asciicast v%1</source>
        <translation>Format:          asciicast v%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:        %1 bytes</source>
        <translation>Größe:           %1 Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal:    %1x%2</source>
        <translation>Terminal:        %1x%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration:    %1 s</source>
        <translation>Dauer:           %1 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Events:      %1 (%2)</source>
        <translation>Ereignisse:      %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markers:     %1</source>
        <translation>Marker:          %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoints: %1</source>
        <translation>Checkpoints:     %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lineOffset</source>
        <translation>lineOffset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequenceEnd</source>
        <translation>sequenceEnd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequence</source>
        <translation>Sequenz</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Last clear:  %1</source>
        <translation>Letzte Löschung: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>byte %1</source>
        <translation>Byte %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+53"/>
        <source>CastDeck</source>
        <translation>CastDeck</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h1&gt;CastDeck&lt;/h1&gt;&lt;p&gt;Record terminal sessions and play asciicast recordings.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Open a recording:&lt;/b&gt; drop a &lt;tt&gt;.cast&lt;/tt&gt; file here, or run &lt;tt&gt;castdeck FILE.cast&lt;/tt&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Start a shell:&lt;/b&gt; File &amp;rarr; New Terminal (Ctrl+Shift+T).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inspect a recording without a window:&lt;/b&gt; &lt;tt&gt;castdeck info FILE.cast&lt;/tt&gt;&lt;/p&gt;</source>
        <translation>&lt;h1&gt;CastDeck&lt;/h1&gt;&lt;p&gt;Terminalsitzungen aufnehmen und asciicast-Aufnahmen abspielen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Eine Aufnahme öffnen:&lt;/b&gt; eine &lt;tt&gt;.cast&lt;/tt&gt;-Datei hierher ziehen oder &lt;tt&gt;castdeck DATEI.cast&lt;/tt&gt; ausführen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Eine Shell starten:&lt;/b&gt; Datei &amp;rarr; Neues Terminal (Strg+Umschalt+T).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Eine Aufnahme ohne Fenster untersuchen:&lt;/b&gt; &lt;tt&gt;castdeck info DATEI.cast&lt;/tt&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>New &amp;Terminal</source>
        <translation>Neues &amp;Terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a shell in a new tab</source>
        <translation>Eine Shell in einem neuen Tab starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close Tab</source>
        <translation>Tab &amp;schließen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open Recording…</source>
        <translation>Aufnahme ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a .cast recording in a player tab</source>
        <translation>Eine .cast-Aufnahme in einem Player-Tab öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record</source>
        <translation>&amp;Aufnehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record this terminal into a .cast file</source>
        <translation>Dieses Terminal in eine .cast-Datei aufnehmen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add &amp;Marker…</source>
        <translation>&amp;Marker hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a labelled marker into the recording</source>
        <translation>Einen beschrifteten Marker in die Aufnahme schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark &amp;Checkpoint</source>
        <translation>&amp;Checkpoint setzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make this moment a resume point of the recording</source>
        <translation>Diesen Moment zu einem Einstiegspunkt der Aufnahme machen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record Keyboard &amp;Input</source>
        <translation>Tastatur&amp;eingaben aufnehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also record what is typed (passwords included). Off by default.</source>
        <translation>Auch Eingaben aufnehmen (einschließlich Passwörtern). Standardmäßig aus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record &amp;New Terminals Automatically</source>
        <translation>&amp;Neue Terminals automatisch aufnehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record every new terminal into %1</source>
        <translation>Jedes neue Terminal in %1 aufnehmen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use asciicast &amp;v3</source>
        <translation>asciicast &amp;v3 verwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write new recordings as asciicast v3 instead of v2</source>
        <translation>Neue Aufnahmen als asciicast v3 statt v2 schreiben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Recording</source>
        <translation>A&amp;ufnahme</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Colour Scheme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About CastDeck</source>
        <translation>&amp;Über CastDeck</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open Recording</source>
        <translation>Aufnahme öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>asciicast recordings (*.cast);;All files (*)</source>
        <translation>asciicast-Aufnahmen (*.cast);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Jump To</source>
        <translation>&amp;Springen zu</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Close Terminal?</source>
        <translation>Terminal schließen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is still running. Close it anyway?</source>
        <translation>„%1“ läuft noch. Trotzdem schließen?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n program(s) are still running: %1. Close them anyway?</source>
        <translation>
            <numerusform>%n Programm läuft noch: %1. Trotzdem schließen?</numerusform>
            <numerusform>%n Programme laufen noch: %1. Trotzdem schließen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Recording Failed</source>
        <translation>Aufnahme fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not record into %1: %2</source>
        <translation>Aufnahme in %1 nicht möglich: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Add Marker</source>
        <translation>Marker hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label:</source>
        <translation>Beschriftung:</translation>
    </message>
</context>
<context>
    <name>PlayCommand</name>
    <message>
        <location filename="../app/PlayCommand.cpp" line="+55"/>
        <source>Play a recording in this terminal. Keys: q or Ctrl+C stop, space pauses.</source>
        <translation>Spielt eine Aufnahme in diesem Terminal ab. Tasten: q oder Strg+C beendet, Leertaste pausiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start at the last clear checkpoint (its screen is drawn first).</source>
        <translation>Beim letzten Checkpoint einer Bildschirmlöschung beginnen (dessen Bildschirm wird zuerst gezeichnet).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playback speed, 0.25 to 16 (default 1).</source>
        <translation>Wiedergabegeschwindigkeit, 0.25 bis 16 (Standard: 1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shorten pauses longer than S seconds (default: the recording&apos;s idle_time_limit; 0: keep every pause).</source>
        <translation>Pausen, die länger als S Sekunden sind, kürzen (Standard: idle_time_limit der Aufnahme; 0: alle Pausen behalten).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The .cast file.</source>
        <translation>Die .cast-Datei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>castdeck play: expected exactly one FILE (see castdeck play --help)</source>
        <translation>castdeck play: genau eine Datei (FILE) erwartet (siehe castdeck play --help)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>castdeck play: --speed expects a number from 0.25 to 16, not &quot;%1&quot;</source>
        <translation>castdeck play: --speed erwartet eine Zahl von 0.25 bis 16, nicht „%1“</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>castdeck play: --idle-time-limit expects seconds (0 or more), not &quot;%1&quot;</source>
        <translation>castdeck play: --idle-time-limit erwartet Sekunden (0 oder mehr), nicht „%1“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>castdeck play: warning: %1</source>
        <translation>castdeck play: Warnung: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>castdeck play: %1 has no clear checkpoint; playing from the start</source>
        <translation>castdeck play: %1 hat keinen Checkpoint einer Bildschirmlöschung; Wiedergabe ab dem Anfang</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>castdeck play: cannot write to the output: %1</source>
        <translation>castdeck play: kann nicht in die Ausgabe schreiben: %1</translation>
    </message>
</context>
<context>
    <name>PlayerSearchBar</name>
    <message>
        <location filename="../ui/PlayerSearchBar.cpp" line="+90"/>
        <source>Search the recording&apos;s text</source>
        <translation>Im Text der Aufnahme suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Previous hit (Shift+Enter, Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe, Umschalt+F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next hit (Enter, F3)</source>
        <translation>Nächster Treffer (Eingabe, F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the search bar (Esc)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <location line="+281"/>
        <source>Invalid expression</source>
        <translation>Ungültiger Ausdruck</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search failed</source>
        <translation>Suche fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Searching</source>
        <translation>Suche läuft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No hits</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Searched %1 % of the recording</source>
        <translation>%1 % der Aufnahme durchsucht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The search stops after %1 hits</source>
        <translation>Die Suche endet nach %1 Treffern</translation>
    </message>
</context>
<context>
    <name>PlayerTab</name>
    <message>
        <location filename="../ui/PlayerTab.cpp" line="+98"/>
        <source>Indexing %p%</source>
        <translation>Indizierung %p&#xa0;%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop indexing; the part indexed so far stays playable</source>
        <translation>Indizierung anhalten; der bisher indizierte Teil bleibt abspielbar</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Playback speed (+ / -)</source>
        <translation>Wiedergabegeschwindigkeit (+ / -)</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+249"/>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
    <message>
        <location line="-247"/>
        <source>Go to &amp;Start</source>
        <translation>Zum A&amp;nfang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to &amp;Last Clear</source>
        <translation>Zur &amp;letzten Löschung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous Marker or Checkpoint</source>
        <translation>Vorheriger Marker oder Checkpoint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next Marker or Checkpoint</source>
        <translation>Nächster Marker oder Checkpoint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step &amp;Back</source>
        <translation>Schritt &amp;zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step &amp;Forward</source>
        <translation>Schritt &amp;vor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back 5 Seconds</source>
        <translation>5 Sekunden zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward 5 Seconds</source>
        <translation>5 Sekunden vor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back 10 %</source>
        <translation>10&#xa0;% zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forward 10 %</source>
        <translation>10&#xa0;% vor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Faster</source>
        <translation>Schneller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slower</source>
        <translation>Langsamer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jump to %1 %</source>
        <translation>Zu %1&#xa0;% springen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>F&amp;ull Screen</source>
        <translation>Voll&amp;bild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Loop</source>
        <translation>Endlos&amp;schleife</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause at &amp;Markers</source>
        <translation>An &amp;Markern anhalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Idle Time Limit</source>
        <translation>&amp;Pausen begrenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Keystrokes</source>
        <translation>&amp;Tastenanschläge anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show recorded keyboard input over the terminal</source>
        <translation>Aufgenommene Tastatureingaben über dem Terminal anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;cale to Fit</source>
        <translation>An &amp;Größe anpassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show a recording larger than the view smaller, so that all of it is visible</source>
        <translation>Eine Aufnahme, die größer als die Ansicht ist, verkleinert zeigen, sodass alles sichtbar ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoint &amp;List</source>
        <translation>Checkpoint-L&amp;iste</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find in &amp;Recording…</source>
        <translation>In der &amp;Aufnahme suchen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Shorten pauses between events to at most this long</source>
        <translation>Pausen zwischen Ereignissen auf höchstens diese Dauer kürzen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Off</source>
        <translation>&amp;Aus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Custom…</source>
        <translation>&amp;Eigener Wert …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From the &amp;Recording (%1 s)</source>
        <translation>Aus der &amp;Aufnahme (%1 s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the &amp;Recording (none)</source>
        <translation>Aus der &amp;Aufnahme (keine)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Idle Time Limit</source>
        <translation>Pausen begrenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shorten pauses longer than this many seconds:</source>
        <translation>Pausen kürzen, die länger sind als so viele Sekunden:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Custom (%1 s)…</source>
        <translation>&amp;Eigener Wert (%1 s) …</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n problem(s) in this recording; the valid part plays. First: %1</source>
        <translation>
            <numerusform>%n Problem in dieser Aufnahme; der gültige Teil wird abgespielt: %1</numerusform>
            <numerusform>%n Probleme in dieser Aufnahme; der gültige Teil wird abgespielt. Das erste: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <location filename="Translations.cpp" line="+21"/>
        <source>Displays help on commandline options.</source>
        <translation>Zeigt die Hilfe zu den Kommandozeilenoptionen an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Displays help, including generic Qt options.</source>
        <translation>Zeigt die Hilfe einschließlich der allgemeinen Qt-Optionen an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Displays version information.</source>
        <translation>Zeigt die Versionsinformationen an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[options]</source>
        <translation>[Optionen]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arguments:</source>
        <translation>Argumente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>Unbekannte Option „%1“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown options: %1.</source>
        <translation>Unbekannte Optionen: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>Fehlender Wert nach „%1“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>Unerwarteter Wert nach „%1“.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;Nein</translation>
    </message>
</context>
<context>
    <name>RecCommand</name>
    <message>
        <location filename="../app/RecCommand.cpp" line="+80"/>
        <source>Record a program (your login shell by default) in this terminal into an asciicast file, like `asciinema rec`. Clear checkpoints are found while recording and kept in FILE.idx.</source>
        <translation>Nimmt ein Programm (standardmäßig Ihre Login-Shell) in diesem Terminal in eine asciicast-Datei auf, wie `asciinema rec`. Die Checkpoints der Bildschirmlöschungen werden schon während der Aufnahme gefunden und in FILE.idx abgelegt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write asciicast v3 (default: v2).</source>
        <translation>asciicast v3 schreiben (Standard: v2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The command to record, run with /bin/sh -c (default: your login shell).</source>
        <translation>Der aufzunehmende Befehl, ausgeführt mit /bin/sh -c (Standard: Ihre Login-Shell).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recording&apos;s title.</source>
        <translation>Der Titel der Aufnahme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Players shorten pauses longer than S seconds to S (stored in the header).</source>
        <translation>Player kürzen Pausen, die länger als S Sekunden sind, auf S (wird im Header gespeichert).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record what you type too (&apos;i&apos; events). Off by default: it includes passwords.</source>
        <translation>Auch Ihre Eingaben aufnehmen (&apos;i&apos;-Ereignisse). Standardmäßig aus, denn das schließt Passwörter ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue FILE: same format, times go on from its end.</source>
        <translation>FILE fortsetzen: gleiches Format, die Zeiten laufen ab ihrem Ende weiter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace FILE if it exists.</source>
        <translation>FILE ersetzen, falls sie existiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print every clear checkpoint to stderr as it is found.</source>
        <translation>Jeden Checkpoint einer Bildschirmlöschung nach stderr ausgeben, sobald er gefunden wird.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No notices at the start and the end.</source>
        <translation>Keine Hinweise am Anfang und am Ende.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where to save the recording (default: castdeck-DATE-TIME.cast here).</source>
        <translation>Wohin die Aufnahme gespeichert wird (Standard: castdeck-DATUM-UHRZEIT.cast im aktuellen Verzeichnis).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected at most one FILE (see castdeck rec --help)</source>
        <translation>höchstens eine Datei (FILE) erwartet (siehe castdeck rec --help)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--append and --overwrite contradict each other</source>
        <translation>--append und --overwrite widersprechen sich</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--idle-time-limit: expected a number of seconds &gt; 0, found &quot;%1&quot;</source>
        <translation>--idle-time-limit: Sekundenzahl &gt; 0 erwartet, „%1“ gefunden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 exists already; --append continues it, --overwrite replaces it</source>
        <translation>%1 existiert bereits; --append setzt die Datei fort, --overwrite ersetzt sie</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot set up signal handling: %1</source>
        <translation>Signalbehandlung kann nicht eingerichtet werden: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1; the program goes on without being recorded</source>
        <translation>%1; das Programm läuft ohne Aufnahme weiter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>checkpoint %1 at %2 s: lineOffset %3, sequenceEnd %4, event %5, %6x%7</source>
        <translation>Checkpoint %1 bei %2 s: lineOffset %3, sequenceEnd %4, Ereignis %5, %6x%7</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>recording finished: %1</source>
        <translation>Aufnahme beendet: %1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>appending to %1 (%2x%3); the recording ends when %4 exits</source>
        <translation>Anhängen an %1 (%2x%3); die Aufnahme endet, wenn %4 sich beendet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>recording to %1 (%2x%3, asciicast v%4); the recording ends when %5 exits</source>
        <translation>Aufnahme nach %1 (%2x%3, asciicast v%4); die Aufnahme endet, wenn %5 sich beendet</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>the command</source>
        <translation>der Befehl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the shell</source>
        <translation>die Shell</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot switch the terminal to raw mode: %1</source>
        <translation>Terminal kann nicht in den Raw-Modus geschaltet werden: %1</translation>
    </message>
</context>
<context>
    <name>Recording</name>
    <message>
        <location filename="../core/play/Recording.cpp" line="+163"/>
        <source>The index could not be saved, so it will be built again next time: %1</source>
        <translation>Der Index konnte nicht gespeichert werden und wird beim nächsten Mal neu erstellt: %1</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Indexing was cancelled: the timeline shows only the part indexed so far (%1 s)</source>
        <translation>Die Indizierung wurde abgebrochen: Die Zeitleiste zeigt nur den bisher indizierten Teil (%1 s)</translation>
    </message>
</context>
<context>
    <name>RecordingSearch</name>
    <message>
        <location filename="../core/play/RecordingSearch.cpp" line="+576"/>
        <source>Invalid regular expression at character %1: %2</source>
        <translation>Ungültiger regulärer Ausdruck bei Zeichen %1: %2</translation>
    </message>
</context>
<context>
    <name>RenderCommand</name>
    <message>
        <location filename="../app/RenderCommand.cpp" line="+76"/>
        <source>Print the screen of a recording at one moment: after every event up to TIME, at the end, at the last clear or at a clear checkpoint.</source>
        <translation>Gibt den Bildschirm einer Aufnahme zu einem Zeitpunkt aus: nach jedem Ereignis bis TIME, am Ende, bei der letzten Bildschirmlöschung oder bei einem Checkpoint.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The moment: seconds (12.5), end, last-clear or checkpoint:N (0-based, as `castdeck info` lists them).</source>
        <translation>Der Zeitpunkt: Sekunden (12.5), end, last-clear oder checkpoint:N (ab 0 gezählt, wie `castdeck info` sie auflistet).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the screen&apos;s rows, trailing blanks trimmed (the default).</source>
        <translation>Die Zeilen des Bildschirms ausgeben, ohne Leerzeichen am Zeilenende (Standard).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a picture of the screen to OUT.png.</source>
        <translation>Ein Bild des Bildschirms in OUT.png speichern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The .cast file.</source>
        <translation>Die .cast-Datei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>castdeck render: expected exactly one FILE (see castdeck render --help)</source>
        <translation>castdeck render: genau eine Datei (FILE) erwartet (siehe castdeck render --help)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>castdeck render: --at is required: seconds (12.5), end, last-clear or checkpoint:N</source>
        <translation>castdeck render: --at ist erforderlich: Sekunden (12.5), end, last-clear oder checkpoint:N</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>castdeck render: --at expects seconds (12.5), end, last-clear or checkpoint:N, not &quot;%1&quot;</source>
        <translation>castdeck render: --at erwartet Sekunden (12.5), end, last-clear oder checkpoint:N, nicht „%1“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>castdeck render: --png cannot paint in this process</source>
        <translation>castdeck render: --png kann in diesem Prozess nicht zeichnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>castdeck render: warning: %1</source>
        <translation>castdeck render: Warnung: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>castdeck render: %1 has no clear checkpoint</source>
        <translation>castdeck render: %1 hat keinen Checkpoint einer Bildschirmlöschung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>castdeck render: %1 has %2 clear checkpoints (0 to %3), not %4</source>
        <translation>castdeck render: %1 hat %2 Checkpoints (0 bis %3), nicht %4</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>castdeck render: cannot write %1</source>
        <translation>castdeck render: %1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../core/net/SingleInstance.cpp" line="+86"/>
        <source>not a CastDeck request (the first bytes are %1, expected %2)</source>
        <translation>keine CastDeck-Anfrage (die ersten Bytes sind %1, erwartet %2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unsupported protocol version %1 (this CastDeck speaks version %2)</source>
        <translation>nicht unterstützte Protokollversion %1 (dieses CastDeck spricht Version %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>message of %1 bytes is larger than the limit of %2 bytes</source>
        <translation>die Nachricht mit %1 Bytes überschreitet die Grenze von %2 Bytes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 unexpected bytes after the message</source>
        <translation>%1 unerwartete Bytes nach der Nachricht</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+15"/>
        <source>truncated or malformed request</source>
        <translation>abgeschnittene oder fehlerhafte Anfrage</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>unknown request flags 0x%1</source>
        <translation>unbekannte Anfrage-Flags 0x%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the working directory &quot;%1&quot; is not an absolute path</source>
        <translation>das Arbeitsverzeichnis „%1“ ist kein absoluter Pfad</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a request may name at most %1 files, this one claims %2</source>
        <translation>eine Anfrage darf höchstens %1 Dateien nennen, diese gibt %2 an</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>truncated request (file %1 of %2)</source>
        <translation>abgeschnittene Anfrage (Datei %1 von %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>file %1 is not a usable absolute path: &quot;%2&quot;</source>
        <translation>Datei %1 ist kein brauchbarer absoluter Pfad: „%2“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>truncated request or oversized activation token</source>
        <translation>abgeschnittene Anfrage oder zu großes Aktivierungstoken</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected bytes after the request</source>
        <translation>unerwartete Bytes nach der Anfrage</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>The request (%1 files) is larger than the limit of %2 bytes.</source>
        <translation>Die Anfrage (%1 Dateien) überschreitet die Grenze von %2 Bytes.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>No CastDeck is running at %1 (%2).</source>
        <translation>Unter %1 läuft kein CastDeck (%2).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not send the request to the running CastDeck at %1 (%2).</source>
        <translation>Die Anfrage konnte nicht an das laufende CastDeck unter %1 gesendet werden (%2).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The program at %1 answered with something else than CastDeck&apos;s protocol: %2.</source>
        <translation>Das Programm unter %1 antwortete nicht im CastDeck-Protokoll: %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The running CastDeck at %1 closed the connection without answering.</source>
        <translation>Das laufende CastDeck unter %1 hat die Verbindung ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The running CastDeck at %1 did not answer within %2 ms.</source>
        <translation>Das laufende CastDeck unter %1 hat nicht innerhalb von %2 ms geantwortet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The running CastDeck rejected the request: %1</source>
        <translation>Das laufende CastDeck hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Another CastDeck is already running at %1.</source>
        <translation>Unter %1 läuft bereits ein anderes CastDeck.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot listen at %1: %2</source>
        <translation>Kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>no complete request within %1 ms</source>
        <translation>keine vollständige Anfrage innerhalb von %1 ms</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the connection closed after %1 bytes of an incomplete request</source>
        <translation>die Verbindung wurde nach %1 Bytes einer unvollständigen Anfrage geschlossen</translation>
    </message>
</context>
<context>
    <name>TerminalSession</name>
    <message>
        <location filename="../core/session/TerminalSession.cpp" line="+107"/>
        <source>This terminal is already being recorded.</source>
        <translation>Dieses Terminal wird bereits aufgenommen.</translation>
    </message>
</context>
<context>
    <name>TerminalTab</name>
    <message>
        <location filename="../ui/TerminalTab.cpp" line="+47"/>
        <source>REC</source>
        <translation>REC</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keyboard input is recorded</source>
        <translation>Tastatureingaben werden aufgenommen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything typed in this terminal, passwords included, goes into the recording.</source>
        <translation>Alles, was in diesem Terminal getippt wird, einschließlich Passwörtern, landet in der Aufnahme.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The program was ended by signal %1.</source>
        <translation>Das Programm wurde durch Signal %1 beendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The program exited with status %1.</source>
        <translation>Das Programm wurde mit Status %1 beendet.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Recording stopped: %1 The terminal goes on; %2 is valid up to the failure.</source>
        <translation>Aufnahme abgebrochen: %1 Das Terminal läuft weiter; %2 ist bis zum Fehler gültig.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not start the program: %1</source>
        <translation>Das Programm konnte nicht gestartet werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+76"/>
        <source>%1 · %2 · %n checkpoint(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n Checkpoint</numerusform>
            <numerusform>%1 · %2 · %n Checkpoints</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>last at %1</source>
        <translation>zuletzt bei %1</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../ui/TimelineWidget.cpp" line="+189"/>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recording&apos;s timeline with its clear checkpoints, markers, resizes and output density. Click or drag to seek, click a checkpoint or a marker to jump to it, Ctrl+wheel to zoom.</source>
        <translation>Die Zeitleiste der Aufnahme mit Checkpoints, Markern, Größenänderungen und Ausgabedichte. Klicken oder ziehen, um die Position zu wählen; auf einen Checkpoint oder Marker klicken, um dorthin zu springen; Strg+Mausrad zum Zoomen.</translation>
    </message>
    <message>
        <location line="+301"/>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2) at %3</source>
        <translation>%1 (%2) bei %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <source>+%1 more at this spot (Ctrl+wheel zooms in)</source>
        <translation>+%1 weitere an dieser Stelle (Strg+Mausrad vergrößert)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Marker at %1</source>
        <translation>Marker bei %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marker “%1” at %2</source>
        <translation>Marker „%1“ bei %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resized to %1×%2 at %3</source>
        <translation>Größe auf %1×%2 geändert bei %3</translation>
    </message>
    <message>
        <location line="+243"/>
        <source>Clear scrollback</source>
        <translation>Verlauf löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminal reset</source>
        <translation>Terminal-Reset</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear screen</source>
        <translation>Bildschirm löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Home, clear</source>
        <translation>Cursor oben links, löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Home, clear screen</source>
        <translation>Cursor oben links, Bildschirm löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt screen on</source>
        <translation>Alternativer Bildschirm an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt screen off</source>
        <translation>Alternativer Bildschirm aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt screen on (?47)</source>
        <translation>Alternativer Bildschirm an (?47)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt screen off (?47)</source>
        <translation>Alternativer Bildschirm aus (?47)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manual checkpoint</source>
        <translation>Manueller Checkpoint</translation>
    </message>
</context>
</TS>
