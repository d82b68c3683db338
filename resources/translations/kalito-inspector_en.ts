<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>kalito::ui::ConversationItems</name>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
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
        <source>%1: %Ln problem(s) found (%2 ms).</source>
        <translation>
            <numerusform>%1: %Ln problem found (%2 ms).</numerusform>
            <numerusform>%1: %Ln problems found (%2 ms).</numerusform>
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
        <source>%Ln hold(s)</source>
        <translation>
            <numerusform>%Ln hold</numerusform>
            <numerusform>%Ln holds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln process(es)</source>
        <translation>
            <numerusform>%Ln process</numerusform>
            <numerusform>%Ln processes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::MessageDetailPane</name>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::SpacePage</name>
    <message numerus="yes">
        <source>%1 · %Ln message(s)</source>
        <translation>
            <numerusform>%1 · %Ln message</numerusform>
            <numerusform>%1 · %Ln messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::SearchDock</name>
    <message numerus="yes">
        <source>%Ln result(s)</source>
        <translation>
            <numerusform>%Ln result</numerusform>
            <numerusform>%Ln results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::SessionExportController</name>
    <message numerus="yes">
        <source>Exporting… %Ln message(s) written</source>
        <translation>
            <numerusform>Exporting… %Ln message written</numerusform>
            <numerusform>Exporting… %Ln messages written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln message(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln message to %1</numerusform>
            <numerusform>Exported %Ln messages to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::SessionsPane</name>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessions</numerusform>
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
        <source>&lt;%Ln byte(s)&gt;</source>
        <translation>
            <numerusform>&lt;%Ln byte&gt;</numerusform>
            <numerusform>&lt;%Ln bytes&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::TranscriptView</name>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copying the conversation… %Ln message(s)</source>
        <translation>
            <numerusform>Copying the conversation… %Ln message</numerusform>
            <numerusform>Copying the conversation… %Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied the conversation: %Ln message(s)</source>
        <translation>
            <numerusform>Copied the conversation: %Ln message</numerusform>
            <numerusform>Copied the conversation: %Ln messages</numerusform>
        </translation>
    </message>
</context>
</TS>
