// KeyInput: what a key press means for the terminal: Qt key events -> Terminal::sendKey /
// sendChar (libvterm encodes them as the application asked: cursor and keypad application
// modes, modifier parameters, CSI u where nothing else exists).
//
// Data flow: QKeyEvent (TerminalView) -> KeyInput -> Terminal -> outputRequested() -> pty.
// Stateless; GUI thread.
//
// Keypad Enter sends CR outside application keypad mode (libvterm 0.3 would send LF).
// Besides the keys libvterm names (Enter, Tab, arrows, Home/End, PgUp/PgDn, Insert/Delete,
// F1-F12, the keypad), it follows xterm where libvterm 0.3 would send CSI u: Ctrl with a
// letter or one of @[\]^_ (and the digits 2-8, as xterm maps them) sends the C0 control
// character, Ctrl+Backspace sends BS (0x08, "delete word" in shells), Ctrl with another
// character sends the character. Alt prefixes ESC. Text comes from QKeyEvent::text(), so
// dead keys, compose and non-Latin layouts arrive as typed. View shortcuts (copy, paste,
// zoom, scrolling) are TerminalView's business and never get here.
#pragma once

class QKeyEvent;
class Terminal;

class KeyInput
{
public:
    // Sends what `event` types; false when it types nothing (a lone modifier, an unknown key).
    static bool send(Terminal &terminal, const QKeyEvent &event);
    // The C0 control character Ctrl+`key` sends (xterm's table), or -1.
    static int controlCharacter(int key);
};
