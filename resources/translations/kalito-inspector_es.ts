<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>DatabaseFileDialog</name>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3 *.db3)</source>
        <translation>Bases de datos SQLite (*.db *.sqlite *.sqlite3 *.db3)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>WindowStartup</name>
    <message>
        <source>--busy-timeout needs a number of milliseconds</source>
        <translation>--busy-timeout necesita un número de milisegundos</translation>
    </message>
</context>
<context>
    <name>kalito::ui::DesktopShell</name>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Kalito Inspector</source>
        <translation>&amp;Acerca de Kalito Inspector</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>About Kalito Inspector</source>
        <translation>Acerca de Kalito Inspector</translation>
    </message>
    <message>
        <source>Kalito Inspector %1</source>
        <translation>Kalito Inspector %1</translation>
    </message>
    <message>
        <source>Inspects kalito.db, the SQLite database of the Kalito chat backend: sessions, messages and pins, the write-ahead log, checkpoints and locks.</source>
        <translation>Inspecciona kalito.db, la base de datos SQLite del backend de chat Kalito: sesiones, mensajes y fijados, el registro de escritura anticipada (WAL), los puntos de control y los bloqueos.</translation>
    </message>
</context>
<context>
    <name>kalito::ui::FileActions</name>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (solo lectura)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open a database to inspect</source>
        <translation>Abrir una base de datos para inspeccionarla</translation>
    </message>
    <message>
        <source>Open &amp;Read-Only…</source>
        <translation>Abrir solo &amp;lectura…</translation>
    </message>
    <message>
        <source>Open a database without ever writing to it</source>
        <translation>Abrir una base de datos sin escribir nunca en ella</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Read the database again</source>
        <translation>Volver a leer la base de datos</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Open Database Read-Only</source>
        <translation>Abrir base de datos en solo lectura</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>Abrir base de datos</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
</context>
<context>
    <name>kalito::ui::MainWindow</name>
    <message>
        <source>Kalito Inspector</source>
        <translation>Kalito Inspector</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abriendo %1…</translation>
    </message>
    <message>
        <source>Not open</source>
        <translation>Sin abrir</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
    <message>
        <source>%1 — Kalito Inspector</source>
        <translation>%1 — Kalito Inspector</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (solo lectura)</translation>
    </message>
    <message>
        <source>%1 (read-write)</source>
        <translation>%1 (lectura y escritura)</translation>
    </message>
</context>
<context>
    <name>kalito::ui::OverviewPage</name>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Database overview</source>
        <translation>Resumen de la base de datos</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>no existe</translation>
    </message>
    <message>
        <source>Connection settings</source>
        <translation>Ajustes de la conexión</translation>
    </message>
    <message>
        <source>The backend sets %1: %2</source>
        <translation>El backend establece %1: %2</translation>
    </message>
    <message>
        <source>Kalito tables</source>
        <translation>Tablas de Kalito</translation>
    </message>
</context>
<context>
    <name>kalito::ui::SafeFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
</context>
<context>
    <name>kalito::ui::StatusIndicators</name>
    <message>
        <source>Database path</source>
        <translation>Ruta de la base de datos</translation>
    </message>
    <message>
        <source>Database mode</source>
        <translation>Modo de la base de datos</translation>
    </message>
    <message>
        <source>Write-ahead log size</source>
        <translation>Tamaño del registro de escritura anticipada</translation>
    </message>
    <message>
        <source>Size of the -wal file, read every second</source>
        <translation>Tamaño del archivo -wal, leído cada segundo</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>solo lectura</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>lectura y escritura</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>Ninguna base de datos</translation>
    </message>
    <message>
        <source>WAL %1</source>
        <translation>WAL %1</translation>
    </message>
    <message>
        <source>no WAL file</source>
        <translation>sin archivo WAL</translation>
    </message>
</context>
</TS>
