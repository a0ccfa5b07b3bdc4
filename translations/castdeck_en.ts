<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../../../ui/MainWindow.cpp" line="+421"/>
        <source>%n program(s) are still running: %1. Close them anyway?</source>
        <translation>
            <numerusform>%n program is still running: %1. Close it anyway?</numerusform>
            <numerusform>%n programs are still running: %1. Close them anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlayerSearchBar</name>
    <message numerus="yes">
        <location filename="../../../../ui/PlayerSearchBar.cpp" line="+403"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlayerTab</name>
    <message numerus="yes">
        <location filename="../../../../ui/PlayerTab.cpp" line="+514"/>
        <source>%n problem(s) in this recording; the valid part plays. First: %1</source>
        <translation>
            <numerusform>%n problem in this recording; the valid part plays: %1</numerusform>
            <numerusform>%n problems in this recording; the valid part plays. First: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TerminalTab</name>
    <message numerus="yes">
        <location filename="../../../../ui/TerminalTab.cpp" line="+195"/>
        <source>%1 · %2 · %n checkpoint(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n checkpoint</numerusform>
            <numerusform>%1 · %2 · %n checkpoints</numerusform>
        </translation>
    </message>
</context>
</TS>
