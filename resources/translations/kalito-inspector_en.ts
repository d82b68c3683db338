<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>kalito::ui::ConversationItems</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::FindBar</name>
    <message numerus="yes">
        <source>%1 of %Ln message(s)</source>
        <translation>
            <numerusform>%1 of %Ln message</numerusform>
            <numerusform>%1 of %Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped at the first %Ln message(s) found</source>
        <translation>
            <numerusform>Stopped at the first %Ln message found</numerusform>
            <numerusform>Stopped at the first %Ln messages found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::IntegrityPanel</name>
    <message numerus="yes">
        <source>%1: %n problem(s) found (%2 ms).</source>
        <translation>
            <numerusform>%1: %n problem found (%2 ms).</numerusform>
            <numerusform>%1: %n problems found (%2 ms).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::LiveFollower</name>
    <message numerus="yes">
        <source>%Ln new message(s) ↓</source>
        <translation>
            <numerusform>%Ln new message ↓</numerusform>
            <numerusform>%Ln new messages ↓</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::LockTimelinePane</name>
    <message numerus="yes">
        <source>%n hold(s)</source>
        <translation>
            <numerusform>%n hold</numerusform>
            <numerusform>%n holds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n process</numerusform>
            <numerusform>%n processes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::MessageDetailPane</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::SearchDock</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::SessionExportController</name>
    <message numerus="yes">
        <source>Exporting… %n message(s) written</source>
        <translation>
            <numerusform>Exporting… %n message written</numerusform>
            <numerusform>Exporting… %n messages written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1</source>
        <translation>
            <numerusform>Exported %n message to %1</numerusform>
            <numerusform>Exported %n messages to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::SessionsPane</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::TableBrowser</name>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) contain “%1”</source>
        <translation>
            <numerusform>%Ln row contains “%1”</numerusform>
            <numerusform>%Ln rows contain “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;%n byte(s)&gt;</source>
        <translation>
            <numerusform>&lt;%n byte&gt;</numerusform>
            <numerusform>&lt;%n bytes&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::TranscriptView</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copying the conversation… %n message(s)</source>
        <translation>
            <numerusform>Copying the conversation… %n message</numerusform>
            <numerusform>Copying the conversation… %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied the conversation: %n message(s)</source>
        <translation>
            <numerusform>Copied the conversation: %n message</numerusform>
            <numerusform>Copied the conversation: %n messages</numerusform>
        </translation>
    </message>
</context>
</TS>
