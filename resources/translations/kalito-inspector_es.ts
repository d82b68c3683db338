<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>BrowseText</name>
    <message>
        <source>%1 is a view: it has no key to page on.</source>
        <translation>%1 es una vista: no tiene clave por la que paginar.</translation>
    </message>
    <message>
        <source>%1 has neither a rowid nor a primary key to page on.</source>
        <translation>%1 no tiene ni rowid ni clave primaria por la que paginar.</translation>
    </message>
</context>
<context>
    <name>CheckText</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>database</source>
        <translation>base de datos</translation>
    </message>
    <message>
        <source>%1 row %2: no matching row in %3 (foreign key #%4)</source>
        <translation>%1 fila %2: ninguna fila correspondiente en %3 (clave foránea n.º %4)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>could not run</source>
        <translation>no se pudo ejecutar</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>%1 problem(s)</source>
        <translation>%1 problema(s)</translation>
    </message>
    <message>
        <source>%1: %2 (%3 ms)</source>
        <translation>%1: %2 (%3 ms)</translation>
    </message>
</context>
<context>
    <name>CheckpointText</name>
    <message>
        <source>mode</source>
        <translation>modo</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>ocupado</translation>
    </message>
    <message>
        <source>1 (could not finish: a reader or writer held on)</source>
        <translation type="vanished">1 (no pudo terminar: un lector o un escritor lo retuvo)</translation>
    </message>
    <message>
        <source>log frames</source>
        <translation>marcos en el registro</translation>
    </message>
    <message>
        <source>checkpointed frames</source>
        <translation>marcos transferidos</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 bytes)</translation>
    </message>
    <message>
        <source>-wal before</source>
        <translation>-wal antes</translation>
    </message>
    <message>
        <source>-wal after</source>
        <translation>-wal después</translation>
    </message>
    <message>
        <source>elapsed</source>
        <translation>duración</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>yes: stopped waiting</source>
        <translation>sí: dejó de esperar</translation>
    </message>
    <message>
        <source>the database is not in WAL mode: there is nothing to checkpoint</source>
        <translation>la base de datos no está en modo WAL: no hay nada que transferir con un checkpoint</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>held since before the checkpoint began (at least %1)</source>
        <translation>lo tenía desde antes de que empezara el checkpoint (al menos %1)</translation>
    </message>
    <message>
        <source>seen when it gave up</source>
        <translation>visto cuando se rindió</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>no process was seen holding a lock it waits for when it was looked at (the holder may have finished just before)</source>
        <translation>al mirar no se vio ningún proceso con un bloqueo al que espere (el titular pudo terminar justo antes)</translation>
    </message>
    <message>
        <source>gave up waiting for %1</source>
        <translation>dejó de esperar a %1</translation>
    </message>
    <message>
        <source>stopped short because of %1</source>
        <translation>se quedó corto por %1</translation>
    </message>
    <message>
        <source>1 (could not finish: see blocked by)</source>
        <translation>1 (no pudo terminar: vea «bloqueado por»)</translation>
    </message>
    <message>
        <source>blocked by</source>
        <translation>bloqueado por</translation>
    </message>
    <message>
        <source>nobody seen when it was looked at (the holder may have just finished)</source>
        <translation>nadie visto al mirar (el titular pudo terminar justo antes)</translation>
    </message>
    <message>
        <source>Who it would wait for is not known yet: the first look at the locks has not answered.</source>
        <translation>Aún no se sabe a quién esperaría: la primera consulta de los bloqueos no ha respondido.</translation>
    </message>
    <message>
        <source>Nobody holds a lock a %1 checkpoint would wait for right now.</source>
        <translation>Ahora mismo nadie tiene un bloqueo al que un checkpoint %1 tendría que esperar.</translation>
    </message>
    <message>
        <source>%1: %2 will wait up to %3 for it.</source>
        <translation>%1: %2 lo esperará hasta %3.</translation>
    </message>
</context>
<context>
    <name>CopySelection</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
</context>
<context>
    <name>CountText</name>
    <message>
        <source>An estimate from the statistics ANALYZE stored (sqlite_stat1); counting exactly…</source>
        <translation>Estimación a partir de las estadísticas guardadas por ANALYZE (sqlite_stat1); contando con exactitud…</translation>
    </message>
    <message>
        <source>An estimate from the smallest and largest rowid (rows deleted in between are included); counting exactly…</source>
        <translation>Estimación a partir del rowid menor y el mayor (incluye las filas eliminadas entre ambos); contando con exactitud…</translation>
    </message>
</context>
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
    <name>ErrorText</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This database has no %1 table.</source>
        <translation>Esta base de datos no tiene la tabla %1.</translation>
    </message>
    <message>
        <source>%1 is a %2 table, which is not browsed.</source>
        <translation>%1 es una tabla de tipo %2, que no se explora.</translation>
    </message>
    <message>
        <source>The messages table has no session_id column.</source>
        <translation>La tabla messages no tiene la columna session_id.</translation>
    </message>
    <message>
        <source>The %1 table has no session_id column.</source>
        <translation>La tabla %1 no tiene la columna session_id.</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>el archivo no existe</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>la carpeta %1 no existe</translation>
    </message>
    <message>
        <source>the path is a symbolic link loop</source>
        <translation>la ruta es un bucle de enlaces simbólicos</translation>
    </message>
    <message>
        <source>cannot look at the file: %1</source>
        <translation>no se puede examinar el archivo: %1</translation>
    </message>
    <message>
        <source>this is a directory, not a database file</source>
        <translation>esto es una carpeta, no un archivo de base de datos</translation>
    </message>
    <message>
        <source>this is a FIFO (named pipe), not a database file</source>
        <translation>esto es una FIFO (tubería con nombre), no un archivo de base de datos</translation>
    </message>
    <message>
        <source>this is a socket, not a database file</source>
        <translation>esto es un socket, no un archivo de base de datos</translation>
    </message>
    <message>
        <source>this is a device, not a database file</source>
        <translation>esto es un dispositivo, no un archivo de base de datos</translation>
    </message>
    <message>
        <source>this is not a regular file, not a database file</source>
        <translation>esto no es un archivo regular, ni un archivo de base de datos</translation>
    </message>
    <message>
        <source>the file is not readable: %1</source>
        <translation>el archivo no se puede leer: %1</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>no se puede abrir el archivo: %1</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes), not a SQLite database; it is left untouched (SQLite would silently turn it into a new database)</source>
        <translation>el archivo está vacío (0 bytes), no es una base de datos SQLite; se deja intacto (SQLite lo convertiría sin avisar en una base de datos nueva)</translation>
    </message>
    <message>
        <source>not a SQLite database (only %1 bytes long)</source>
        <translation>no es una base de datos SQLite (solo mide %1 bytes)</translation>
    </message>
    <message>
        <source>not a SQLite database (the file does not start with the SQLite header)</source>
        <translation>no es una base de datos SQLite (el archivo no empieza con la cabecera de SQLite)</translation>
    </message>
    <message>
        <source>the database header is damaged (page size %1, format bytes %2/%3)</source>
        <translation>la cabecera de la base de datos está dañada (tamaño de página %1, bytes de formato %2/%3)</translation>
    </message>
    <message>
        <source>the file already exists; refusing to overwrite it</source>
        <translation>el archivo ya existe; no se sobrescribe</translation>
    </message>
    <message>
        <source>database is locked by another connection (%1)</source>
        <translation>otra conexión tiene bloqueada la base de datos (%1)</translation>
    </message>
    <message>
        <source>not a SQLite database (%1)</source>
        <translation>no es una base de datos SQLite (%1)</translation>
    </message>
    <message>
        <source>the database is damaged (%1)</source>
        <translation>la base de datos está dañada (%1)</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>no se puede escribir: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>not allowed: the database is open read-only (%1)</source>
        <translation>no permitido: la base de datos está abierta en solo lectura (%1)</translation>
    </message>
    <message>
        <source>cannot open the file (%1)</source>
        <translation>no se puede abrir el archivo (%1)</translation>
    </message>
    <message>
        <source>input/output error (%1)</source>
        <translation>error de entrada/salida (%1)</translation>
    </message>
    <message>
        <source>no database is open</source>
        <translation>no hay ninguna base de datos abierta</translation>
    </message>
    <message>
        <source>the connection closed while the work was under way</source>
        <translation>la conexión se cerró mientras el trabajo estaba en curso</translation>
    </message>
    <message>
        <source>cannot read this WAL database: SQLite must create %1-shm and %1-wal beside it, and the folder is not writable by this user (open a copy, or let the backend open it first so that they exist)</source>
        <translation>no se puede leer esta base de datos WAL: SQLite debe crear %1-shm y %1-wal a su lado, y este usuario no puede escribir en la carpeta (abra una copia, o deje que el backend la abra primero para que existan)</translation>
    </message>
    <message>
        <source>this connection still has a statement or transaction open</source>
        <translation>esta conexión aún tiene una sentencia o una transacción abierta</translation>
    </message>
    <message>
        <source>close it before copying it (copying would drop this connection&apos;s locks)</source>
        <translation>ciérrela antes de copiarla (copiarla haría perder los bloqueos de esta conexión)</translation>
    </message>
    <message>
        <source>cannot copy it to %1: %2</source>
        <translation>no se puede copiar a %1: %2</translation>
    </message>
    <message>
        <source>cannot create a folder for the copy: %1</source>
        <translation>no se puede crear una carpeta para la copia: %1</translation>
    </message>
    <message>
        <source>the database kept changing while it was copied (a checkpoint ran each time); try again</source>
        <translation>la base de datos siguió cambiando mientras se copiaba (cada vez se ejecutó un checkpoint); inténtelo de nuevo</translation>
    </message>
    <message>
        <source>there is no messages table</source>
        <translation>no hay tabla messages</translation>
    </message>
    <message>
        <source>the messages table has no session_id</source>
        <translation>la tabla messages no tiene session_id</translation>
    </message>
    <message>
        <source>the messages table has no text column</source>
        <translation>la tabla messages no tiene columna de texto</translation>
    </message>
    <message>
        <source>there is no session with id &apos;%1&apos;</source>
        <translation>no hay ninguna sesión con id &apos;%1&apos;</translation>
    </message>
    <message>
        <source>refusing to export onto the database&apos;s own files</source>
        <translation>no se exporta sobre los propios archivos de la base de datos</translation>
    </message>
    <message>
        <source>the probe process printed no readable answer</source>
        <translation>el proceso de sondeo no devolvió ninguna respuesta legible</translation>
    </message>
    <message>
        <source>the probe process (%1 probe-files) did not finish</source>
        <translation>el proceso de sondeo (%1 probe-files) no terminó</translation>
    </message>
    <message>
        <source>the probe process did not finish within %1 ms and was stopped</source>
        <translation>el proceso de sondeo no terminó en %1 ms y se detuvo</translation>
    </message>
    <message>
        <source>the probe process (%1) could not be started: %2</source>
        <translation>no se pudo iniciar el proceso de sondeo (%1): %2</translation>
    </message>
    <message>
        <source>opened read-only: a checkpoint writes to the database</source>
        <translation>abierta en solo lectura: un checkpoint escribe en la base de datos</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver exposes no native handle</source>
        <translation>el controlador SQLite de Qt no expone ningún identificador nativo</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver runs SQLite %1 but the inspector links %2; native-only features are disabled</source>
        <translation>el controlador SQLite de Qt usa SQLite %1 pero el inspector enlaza %2; las funciones que requieren el acceso nativo están desactivadas</translation>
    </message>
    <message>
        <source>this page could not be read through its index: the database is damaged (index %1 disagrees with table %2: %3 rows through the index, %4 in the table). The rows shown were read from the table; run Check.</source>
        <translation>esta página no se pudo leer a través de su índice: la base de datos está dañada (el índice %1 no coincide con la tabla %2: %3 filas a través del índice, %4 en la tabla). Las filas mostradas se leyeron de la tabla; ejecute la comprobación de integridad.</translation>
    </message>
    <message>
        <source>another window is building this search index</source>
        <translation>otra ventana está creando este índice de búsqueda</translation>
    </message>
</context>
<context>
    <name>LockText</name>
    <message>
        <source>fail with SQLITE_BUSY (&quot;database is locked&quot;) after their busy timeout</source>
        <translation>fallan con SQLITE_BUSY («database is locked») cuando se agota su tiempo de espera (busy timeout)</translation>
    </message>
    <message>
        <source> It lasts until that process ends its read transaction (finishes or resets its statement, or commits).</source>
        <translation> Dura hasta que ese proceso termina su transacción de lectura (acaba o reinicia su sentencia, o confirma).</translation>
    </message>
    <message>
        <source>the -shm file is missing or shorter than its header</source>
        <translation>falta el archivo -shm o es más corto que su cabecera</translation>
    </message>
    <message>
        <source>the WAL-index is not initialised (no connection has built it yet)</source>
        <translation>el índice WAL no está inicializado (ninguna conexión lo ha construido aún)</translation>
    </message>
    <message>
        <source>the two copies of the WAL-index header differ (a write was in progress)</source>
        <translation>las dos copias de la cabecera del índice WAL difieren (había una escritura en curso)</translation>
    </message>
    <message>
        <source>the WAL-index header checksum does not match</source>
        <translation>la suma de comprobación de la cabecera del índice WAL no coincide</translation>
    </message>
    <message>
        <source>this inspector (pid %1)</source>
        <translation>este inspector (pid %1)</translation>
    </message>
    <message>
        <source>a process holding an OFD lock (its pid is not reported: open file description locks show pid -1)</source>
        <translation>un proceso con un bloqueo OFD (no se informa de su pid: los bloqueos de descripción de archivo abierto muestran pid -1)</translation>
    </message>
    <message>
        <source>pid %1 (command and user unknown: this system has no /proc)</source>
        <translation>pid %1 (orden y usuario desconocidos: este sistema no tiene /proc)</translation>
    </message>
    <message>
        <source>pid %1 (command and user unknown: it ended, or is in another pid namespace)</source>
        <translation>pid %1 (orden y usuario desconocidos: terminó, o está en otro espacio de nombres de pid)</translation>
    </message>
    <message>
        <source>pid %1 (command line not readable, user %2)</source>
        <translation>pid %1 (línea de órdenes ilegible, usuario %2)</translation>
    </message>
    <message>
        <source>pid %1 (%2, user unknown)</source>
        <translation>pid %1 (%2, usuario desconocido)</translation>
    </message>
    <message>
        <source>pid %1 (%2, user %3)</source>
        <translation>pid %1 (%2, usuario %3)</translation>
    </message>
    <message>
        <source> (seen held for %1 s)</source>
        <translation> (visto durante %1 s)</translation>
    </message>
    <message>
        <source> (seen just now)</source>
        <translation> (visto ahora mismo)</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>No process holds the DMS lock of the -shm: the -shm is stale (left by a process that ended or crashed, or not used by a connection in locking_mode=EXCLUSIVE); its frame counts are not trusted and the next connection that uses it rebuilds it from the -wal (recovery).</source>
        <translation>Ningún proceso tiene el bloqueo DMS del -shm: el -shm está obsoleto (lo dejó un proceso que terminó o se bloqueó, o no lo usa una conexión en locking_mode=EXCLUSIVE); sus recuentos de marcos no son fiables y la próxima conexión que lo use lo reconstruirá a partir del -wal (recuperación).</translation>
    </message>
    <message>
        <source>The WAL-index could not be read consistently: %1.</source>
        <translation>No se pudo leer el índice WAL de forma coherente: %1.</translation>
    </message>
    <message>
        <source>%1 holds the RECOVER lock%2: it is rebuilding the WAL-index from the -wal (recovery after a crash or a stale -shm); new read transactions wait and %3 (SQLITE_BUSY_RECOVERY), and so do writes and checkpoints. Recovery ends by itself; if it never does, that process is stuck.</source>
        <translation>%1 tiene el bloqueo RECOVER%2: está reconstruyendo el índice WAL a partir del -wal (recuperación tras un fallo o un -shm obsoleto); las nuevas transacciones de lectura esperan y %3 (SQLITE_BUSY_RECOVERY), y lo mismo las escrituras y los checkpoints. La recuperación termina sola; si no termina nunca, ese proceso está atascado.</translation>
    </message>
    <message>
        <source>%1 holds the WAL write lock%2: it is in a write transaction; other connections&apos; BEGIN IMMEDIATE and writes wait for it and %3 (a transaction that already read fails at once), and so do FULL, RESTART and TRUNCATE checkpoints; readers and PASSIVE checkpoints go on. It ends with that process&apos;s COMMIT or ROLLBACK.</source>
        <translation>%1 tiene el bloqueo de escritura del WAL%2: está en una transacción de escritura; los BEGIN IMMEDIATE y las escrituras de las demás conexiones lo esperan y %3 (una transacción que ya leyó falla en el acto), y lo mismo los checkpoints FULL, RESTART y TRUNCATE; los lectores y los checkpoints PASSIVE siguen adelante. Termina con el COMMIT o el ROLLBACK de ese proceso.</translation>
    </message>
    <message>
        <source>%1 holds the DMS lock of the -shm exclusively%2: it is the first connection and is resetting the -shm; other connections opening the database retry meanwhile.</source>
        <translation>%1 tiene en exclusiva el bloqueo DMS del -shm%2: es la primera conexión y está reiniciando el -shm; mientras tanto, las demás conexiones que abren la base de datos lo reintentan.</translation>
    </message>
    <message>
        <source>%1 holds an EXCLUSIVE lock on the database file%2 in WAL mode: it uses locking_mode=EXCLUSIVE%3 (or it is the last connection closing and checkpointing); every other connection&apos;s reads, writes and checkpoints %4, until it closes its connection or sets locking_mode=NORMAL.</source>
        <translation>%1 tiene un bloqueo EXCLUSIVE sobre el archivo de la base de datos%2 en modo WAL: usa locking_mode=EXCLUSIVE%3 (o es la última conexión, que se cierra y hace el checkpoint); las lecturas, escrituras y checkpoints de todas las demás conexiones %4, hasta que cierre su conexión o ponga locking_mode=NORMAL.</translation>
    </message>
    <message>
        <source> and keeps the WAL-index in its own memory (no -shm locks)</source>
        <translation> y guarda el índice WAL en su propia memoria (sin bloqueos del -shm)</translation>
    </message>
    <message>
        <source>%1 holds the checkpoint lock%2: a checkpoint is copying WAL frames into the database (a PASSIVE one, or a FULL, RESTART or TRUNCATE one still waiting for the write lock%3); another checkpoint fails at once with SQLITE_BUSY, without waiting.</source>
        <translation>%1 tiene el bloqueo de checkpoint%2: un checkpoint está copiando marcos del WAL a la base de datos (uno PASSIVE, o uno FULL, RESTART o TRUNCATE que aún espera el bloqueo de escritura%3); otro checkpoint falla en el acto con SQLITE_BUSY, sin esperar.</translation>
    </message>
    <message>
        <source>, held by %1</source>
        <translation>, en manos de %1</translation>
    </message>
    <message>
        <source>%1 holds the checkpoint and write locks%2: it is running a FULL, RESTART or TRUNCATE checkpoint; other connections&apos; BEGIN IMMEDIATE and writes wait for it and %3, and another checkpoint fails at once with SQLITE_BUSY.</source>
        <translation>%1 tiene los bloqueos de checkpoint y de escritura%2: está ejecutando un checkpoint FULL, RESTART o TRUNCATE; los BEGIN IMMEDIATE y las escrituras de las demás conexiones lo esperan y %3, y otro checkpoint falla en el acto con SQLITE_BUSY.</translation>
    </message>
    <message>
        <source>%1 on read slot 0</source>
        <translation>%1 en la ranura de lectura 0</translation>
    </message>
    <message>
        <source>%1 (a snapshot at frame %2 of %3, read slot %4)</source>
        <translation>%1 (una instantánea en el marco %2 de %3, ranura de lectura %4)</translation>
    </message>
    <message>
        <source>%1 on read slot %2</source>
        <translation>%1 en la ranura de lectura %2</translation>
    </message>
    <message>
        <source> It waits for the readers %1 to end their read transactions.</source>
        <translation> Espera a que los lectores %1 terminen sus transacciones de lectura.</translation>
    </message>
    <message>
        <source> If it is a RESTART or TRUNCATE checkpoint, it also waits for %1 (reading at the latest frame).</source>
        <translation> Si es un checkpoint RESTART o TRUNCATE, espera también a %1 (que lee en el último marco).</translation>
    </message>
    <message>
        <source> No reader seen holds it back.</source>
        <translation> Ningún lector visto lo retiene.</translation>
    </message>
    <message>
        <source>%1 holds a read snapshot on read slot 0%2: it reads only the database file (the WAL was fully checkpointed when it began). Nothing waits to be copied now, but no checkpoint can copy any frame written from now on while it lasts.</source>
        <translation>%1 tiene una instantánea de lectura en la ranura de lectura 0%2: solo lee el archivo de la base de datos (el WAL estaba del todo transferido cuando empezó). Ahora nada espera a ser copiado, pero mientras dure ningún checkpoint podrá copiar los marcos que se escriban a partir de ahora.</translation>
    </message>
    <message>
        <source>%1 holds a read snapshot on read slot 0%2: it began when the WAL was fully checkpointed and reads only the database file, so no checkpoint can copy any frame while it lasts%3; PASSIVE checkpoints copy nothing, FULL, RESTART and TRUNCATE checkpoints wait for it and %4, and the -wal keeps growing. Writers and other readers go on.</source>
        <translation>%1 tiene una instantánea de lectura en la ranura de lectura 0%2: empezó cuando el WAL estaba del todo transferido y solo lee el archivo de la base de datos, así que mientras dure ningún checkpoint puede copiar ningún marco%3; los checkpoints PASSIVE no copian nada, los FULL, RESTART y TRUNCATE la esperan y %4, y el -wal sigue creciendo. Los escritores y los demás lectores siguen adelante.</translation>
    </message>
    <message>
        <source> (%1 frames wait to be copied)</source>
        <translation> (%1 marcos esperan a ser copiados)</translation>
    </message>
    <message>
        <source>%1 holds a read snapshot on read slot %2%3 (its frame is unknown: the WAL-index could not be read): RESTART and TRUNCATE checkpoints wait for it and %4, and the -wal cannot be reset while it lasts.</source>
        <translation>%1 tiene una instantánea de lectura en la ranura de lectura %2%3 (su marco se desconoce: no se pudo leer el índice WAL): los checkpoints RESTART y TRUNCATE la esperan y %4, y el -wal no se puede reiniciar mientras dure.</translation>
    </message>
    <message>
        <source>%1 holds a read snapshot at frame %2 of %3 on read slot %4%5: no checkpoint can copy the %6 frames after frame %2, FULL, RESTART and TRUNCATE checkpoints wait for it and %7, and the -wal cannot be reset (it keeps growing) while it lasts. Writers and other readers go on.</source>
        <translation>%1 tiene una instantánea de lectura en el marco %2 de %3 en la ranura de lectura %4%5: ningún checkpoint puede copiar los %6 marcos posteriores al marco %2, los checkpoints FULL, RESTART y TRUNCATE la esperan y %7, y el -wal no se puede reiniciar (sigue creciendo) mientras dure. Los escritores y los demás lectores siguen adelante.</translation>
    </message>
    <message>
        <source>%1 holds a read snapshot at the latest frame (%2) on read slot %3%4: checkpoints can copy every frame, but RESTART and TRUNCATE checkpoints wait for it and %5, and the -wal cannot be reset (it keeps growing) while it lasts.</source>
        <translation>%1 tiene una instantánea de lectura en el último marco (%2) en la ranura de lectura %3%4: los checkpoints pueden copiar todos los marcos, pero los RESTART y TRUNCATE la esperan y %5, y el -wal no se puede reiniciar (sigue creciendo) mientras dure.</translation>
    </message>
    <message>
        <source>The WAL holds no frames: everything is in the database file.</source>
        <translation>El WAL no contiene marcos: todo está en el archivo de la base de datos.</translation>
    </message>
    <message>
        <source>The WAL holds %1 frames, %2 of them already copied into the database: a backlog of %3 frames (about %4 KiB).</source>
        <translation>El WAL contiene %1 marcos, %2 de ellos ya copiados a la base de datos: quedan %3 marcos pendientes (unos %4 KiB).</translation>
    </message>
    <message>
        <source>No process is writing, checkpointing or holding a read snapshot right now.</source>
        <translation>Ahora mismo ningún proceso escribe, hace un checkpoint ni mantiene una instantánea de lectura.</translation>
    </message>
    <message>
        <source>%1 holds an EXCLUSIVE lock%2 on the database file: it is writing to the database file (or keeps the lock in locking_mode=EXCLUSIVE); every other connection&apos;s reads and writes %3 until it commits or closes.</source>
        <translation>%1 tiene un bloqueo EXCLUSIVE%2 sobre el archivo de la base de datos: está escribiendo en él (o conserva el bloqueo en locking_mode=EXCLUSIVE); las lecturas y escrituras de todas las demás conexiones %3 hasta que confirme o cierre.</translation>
    </message>
    <message>
        <source>%1 holds PENDING%2: it is committing and waits for %3 to finish reading; new readers and writers %4 until it has committed.</source>
        <translation>%1 tiene PENDING%2: está confirmando y espera a que %3 terminen de leer; los nuevos lectores y escritores %4 hasta que haya confirmado.</translation>
    </message>
    <message>
        <source>the readers</source>
        <translation>los lectores</translation>
    </message>
    <message>
        <source>%1 holds RESERVED%2: it has started a write transaction; other connections&apos; BEGIN IMMEDIATE and writes %3 (a transaction that already read fails at once); readers go on until it commits.</source>
        <translation>%1 tiene RESERVED%2: ha empezado una transacción de escritura; los BEGIN IMMEDIATE y las escrituras de las demás conexiones %3 (una transacción que ya leyó falla en el acto); los lectores siguen adelante hasta que confirme.</translation>
    </message>
    <message>
        <source>; %1 waits for it</source>
        <translation>; %1 lo espera</translation>
    </message>
    <message>
        <source>; the commit of %1 will wait for it</source>
        <translation>; la confirmación de %1 lo esperará</translation>
    </message>
    <message>
        <source>%1 holds SHARED%2 (it is reading): no writer can commit until it finishes%3.</source>
        <translation>%1 tiene SHARED%2 (está leyendo): ningún escritor puede confirmar hasta que termine%3.</translation>
    </message>
    <message>
        <source>No process holds a lock on the database file right now.</source>
        <translation>Ahora mismo ningún proceso tiene un bloqueo sobre el archivo de la base de datos.</translation>
    </message>
    <message>
        <source>This system has no /proc: the processes that have the files open cannot be listed; the locks come from fcntl(F_GETLK), which names one holder per lock byte.</source>
        <translation>Este sistema no tiene /proc: no se pueden listar los procesos que tienen los archivos abiertos; los bloqueos vienen de fcntl(F_GETLK), que nombra un titular por byte de bloqueo.</translation>
    </message>
    <message>
        <source>/proc/locks is not readable: the locks come from fcntl(F_GETLK), which names one holder per lock byte.</source>
        <translation>/proc/locks no se puede leer: los bloqueos vienen de fcntl(F_GETLK), que nombra un titular por byte de bloqueo.</translation>
    </message>
    <message>
        <source>The locks come from fcntl(F_GETLK) (the probe was chosen instead of /proc/locks): it names one holder per lock byte, so of several processes sharing a read lock only one is named.</source>
        <translation>Los bloqueos vienen de fcntl(F_GETLK) (se eligió el sondeo en lugar de /proc/locks): nombra un titular por byte de bloqueo, así que de varios procesos que comparten un bloqueo de lectura solo se nombra uno.</translation>
    </message>
    <message>
        <source>A lock with pid -1 is an OFD lock (fcntl F_OFD_SETLK): it belongs to an open file, not to a process, so its holder cannot be named. SQLite itself does not take OFD locks.</source>
        <translation>Un bloqueo con pid -1 es un bloqueo OFD (fcntl F_OFD_SETLK): pertenece a un archivo abierto, no a un proceso, así que no se puede nombrar a su titular. SQLite no toma bloqueos OFD.</translation>
    </message>
    <message>
        <source>The open files of other users&apos; processes are private (%1): a backend running as another user appears here only through the locks it holds. To see which of them have the database open, run the inspector as that user or as root (e.g. sudo kalito-inspector locks PATH).</source>
        <translation>Los archivos abiertos de los procesos de otros usuarios son privados (%1): un backend que se ejecuta como otro usuario solo aparece aquí por los bloqueos que tiene. Para ver cuáles tienen abierta la base de datos, ejecute el inspector como ese usuario o como root (p. ej. sudo kalito-inspector locks RUTA).</translation>
    </message>
    <message>
        <source>no process holds the -shm open: it is stale and its numbers are not trusted</source>
        <translation>ningún proceso tiene abierto el -shm: está obsoleto y sus cifras no son fiables</translation>
    </message>
    <message>
        <source> (seen held for %1 ms)</source>
        <translation> (visto durante %1 ms)</translation>
    </message>
    <message>
        <source>an OFD lock (pid unknown)</source>
        <translation>un bloqueo OFD (pid desconocido)</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>pid %1 (%2)</source>
        <translation>pid %1 (%2)</translation>
    </message>
    <message>
        <source>is recovering the WAL-index</source>
        <translation>está recuperando el índice WAL</translation>
    </message>
    <message>
        <source>holds the write lock</source>
        <translation>tiene el bloqueo de escritura</translation>
    </message>
    <message>
        <source>is resetting the -shm</source>
        <translation>está reiniciando el -shm</translation>
    </message>
    <message>
        <source>holds an EXCLUSIVE lock on the database</source>
        <translation>tiene un bloqueo EXCLUSIVE sobre la base de datos</translation>
    </message>
    <message>
        <source>runs a checkpoint</source>
        <translation>ejecuta un checkpoint</translation>
    </message>
    <message>
        <source>runs a checkpoint and holds the write lock</source>
        <translation>ejecuta un checkpoint y tiene el bloqueo de escritura</translation>
    </message>
    <message>
        <source>holds a read snapshot (read slot 0)</source>
        <translation>tiene una instantánea de lectura (ranura de lectura 0)</translation>
    </message>
    <message>
        <source>holds a read snapshot (read slot %1)</source>
        <translation>tiene una instantánea de lectura (ranura de lectura %1)</translation>
    </message>
    <message>
        <source>holds a read snapshot at frame %1 of %2 (read slot %3)</source>
        <translation>tiene una instantánea de lectura en el marco %1 de %2 (ranura de lectura %3)</translation>
    </message>
    <message>
        <source>holds a read snapshot at the latest frame (read slot %1)</source>
        <translation>tiene una instantánea de lectura en el último marco (ranura de lectura %1)</translation>
    </message>
    <message>
        <source>holds PENDING (committing)</source>
        <translation>tiene PENDING (confirmando)</translation>
    </message>
    <message>
        <source>holds RESERVED (writing)</source>
        <translation>tiene RESERVED (escribiendo)</translation>
    </message>
    <message>
        <source>holds SHARED (reading)</source>
        <translation>tiene SHARED (leyendo)</translation>
    </message>
    <message>
        <source>this inspector</source>
        <translation>este inspector</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>1 reader: %1</source>
        <translation>1 lector: %1</translation>
    </message>
    <message>
        <source>%1 readers, first %2</source>
        <translation>%1 lectores, el primero %2</translation>
    </message>
    <message>
        <source>(%1 s)</source>
        <translation>(%1 s)</translation>
    </message>
    <message>
        <source>no readers</source>
        <translation>sin lectores</translation>
    </message>
    <message>
        <source>No process holds a write lock, a checkpoint or a read snapshot right now.</source>
        <translation>Ahora mismo ningún proceso tiene un bloqueo de escritura, un checkpoint ni una instantánea de lectura.</translation>
    </message>
</context>
<context>
    <name>OpenAdviceDialog</name>
    <message>
        <source>Opening would change the database&apos;s folder</source>
        <translation>Abrirla cambiaría la carpeta de la base de datos</translation>
    </message>
    <message>
        <source>This database cannot be opened in place.</source>
        <translation>Esta base de datos no se puede abrir en su ubicación.</translation>
    </message>
    <message>
        <source>Opening this database creates files owned by another user.</source>
        <translation>Al abrir esta base de datos se crean archivos que pertenecen a otro usuario.</translation>
    </message>
    <message>
        <source>Open a Read-Only Copy</source>
        <translation>Abrir una copia de solo lectura</translation>
    </message>
    <message>
        <source>Open Anyway</source>
        <translation>Abrir de todos modos</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>%1: to read this WAL database SQLite must create %2-wal and %2-shm, and this user cannot write to its folder; opening it will fail. Open a read-only copy instead.</source>
        <translation type="vanished">%1: para leer esta base de datos WAL, SQLite debe crear %2-wal y %2-shm, y este usuario no puede escribir en su carpeta; abrirla fallará. Abra en su lugar una copia de solo lectura.</translation>
    </message>
    <message>
        <source>%1: opening it creates %2-wal and %2-shm owned by user %3, but the database belongs to user %4: the backend may then fail with &quot;attempt to write a readonly database&quot;. Open a read-only copy instead, or run the inspector as user %4.</source>
        <translation type="vanished">%1: abrirla crea %2-wal y %2-shm propiedad del usuario %3, pero la base de datos pertenece al usuario %4: el backend podría entonces fallar con «attempt to write a readonly database». Abra en su lugar una copia de solo lectura, o ejecute el inspector como usuario %4.</translation>
    </message>
</context>
<context>
    <name>OpenText</name>
    <message>
        <source>%1: to read this WAL database SQLite must create %2-wal and %2-shm, and this user cannot write to its folder; opening it will fail. Open a read-only copy instead.</source>
        <translation>%1: para leer esta base de datos WAL, SQLite debe crear %2-wal y %2-shm, y este usuario no puede escribir en su carpeta; abrirla fallará. Abra en su lugar una copia de solo lectura.</translation>
    </message>
    <message>
        <source>%1: opening it creates %2-wal and %2-shm owned by user %3, but the database belongs to user %4: the backend may then fail with &quot;attempt to write a readonly database&quot;. Open a read-only copy instead, or run the inspector as user %4.</source>
        <translation>%1: abrirla crea %2-wal y %2-shm propiedad del usuario %3, pero la base de datos pertenece al usuario %4: el backend podría entonces fallar con «attempt to write a readonly database». Abra en su lugar una copia de solo lectura, o ejecute el inspector como usuario %4.</translation>
    </message>
    <message>
        <source>%1-wal holds %2 bytes that no running program has open (left by a crash, or copied from elsewhere): they are shown, but the inspector leaves both files as they are instead of checkpointing</source>
        <translation>%1-wal contiene %2 bytes que ningún programa en ejecución tiene abiertos (los dejó un fallo, o se copiaron de otro lugar): se muestran, pero el inspector deja ambos archivos como están en lugar de hacer un checkpoint</translation>
    </message>
    <message>
        <source>SQLite creates %1-wal and %1-shm to read this WAL database; they belong to the user running the inspector</source>
        <translation>SQLite crea %1-wal y %1-shm para leer esta base de datos WAL; pertenecen al usuario que ejecuta el inspector</translation>
    </message>
    <message>
        <source>read-only: no checkpoint</source>
        <translation>solo lectura: sin checkpoint</translation>
    </message>
    <message>
        <source>the -wal was left by a process that is gone: left for the backend</source>
        <translation>el -wal lo dejó un proceso que ya no existe: se deja para el backend</translation>
    </message>
    <message>
        <source>not in WAL mode: nothing to checkpoint</source>
        <translation>no está en modo WAL: el checkpoint no tiene nada que hacer</translation>
    </message>
    <message>
        <source>no other process has the database open</source>
        <translation>ningún otro proceso tiene abierta la base de datos</translation>
    </message>
    <message>
        <source>%1 other process(es) have the database open</source>
        <translation>%1 otro(s) proceso(s) tienen abierta la base de datos</translation>
    </message>
    <message>
        <source>cannot tell whether other processes have it open</source>
        <translation>no se puede saber si otros procesos la tienen abierta</translation>
    </message>
    <message>
        <source>SQLite kept its own value</source>
        <translation>SQLite mantuvo su propio valor</translation>
    </message>
    <message>
        <source>SQLite kept the journal mode</source>
        <translation>SQLite mantuvo el modo de diario</translation>
    </message>
    <message>
        <source>opened read-only: the journal mode stays as the file has it</source>
        <translation>abierta en solo lectura: el modo de diario queda como lo tiene el archivo</translation>
    </message>
    <message>
        <source>the database uses the &apos;%1&apos; journal; the inspector does not convert a file it was asked to inspect (the backend switches it to WAL when it opens it)</source>
        <translation>la base de datos usa el diario «%1»; el inspector no convierte un archivo que se le pidió inspeccionar (el backend lo cambia a WAL cuando lo abre)</translation>
    </message>
</context>
<context>
    <name>RecordingText</name>
    <message>
        <source>no such file</source>
        <translation>no existe ese archivo</translation>
    </message>
    <message>
        <source>is a folder, not a recording</source>
        <translation>es una carpeta, no una grabación</translation>
    </message>
    <message>
        <source>is the open database&apos;s own file, not a lock recording</source>
        <translation>es un archivo de la propia base de datos abierta, no una grabación de bloqueos</translation>
    </message>
    <message>
        <source>%1 bytes, more than a recording can hold (%2 MB at most)</source>
        <translation>%1 bytes, más de lo que puede contener una grabación (%2 MB como máximo)</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>no se puede leer: %1</translation>
    </message>
    <message>
        <source>not a lock recording: %1</source>
        <translation>no es una grabación de bloqueos: %1</translation>
    </message>
    <message>
        <source>is the open database&apos;s own file; choose another name</source>
        <translation>es un archivo de la propia base de datos abierta; elija otro nombre</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>no se puede escribir: %1</translation>
    </message>
    <message>
        <source>not JSON (%1 at character %2)</source>
        <translation>no es JSON (%1 en el carácter %2)</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>no es un objeto JSON</translation>
    </message>
    <message>
        <source>unknown event &quot;%1&quot;</source>
        <translation>evento desconocido «%1»</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing or not a number</source>
        <translation>«%1» falta o no es un número</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is out of range (%2)</source>
        <translation>«%1» está fuera de rango (%2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing or empty</source>
        <translation>«%1» falta o está vacío</translation>
    </message>
    <message>
        <source>&quot;file&quot; must be &quot;db&quot; or &quot;shm&quot;, not &quot;%1&quot;</source>
        <translation>«file» debe ser «db» o «shm», no «%1»</translation>
    </message>
    <message>
        <source>a released event needs &quot;held_ms&quot; &gt;= 0</source>
        <translation>un evento «released» necesita «held_ms» &gt;= 0</translation>
    </message>
    <message>
        <source>it holds no lock events (an empty recording)</source>
        <translation>no contiene eventos de bloqueo (una grabación vacía)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>línea %1: %2</translation>
    </message>
</context>
<context>
    <name>SearchIndexText</name>
    <message>
        <source>No search index: this database or this SQLite cannot have one (FTS5 trigram tokenizer).</source>
        <translation>Sin índice de búsqueda: esta base de datos o este SQLite no pueden tenerlo (tokenizador trigram de FTS5).</translation>
    </message>
    <message>
        <source>No search index: every search reads all messages.</source>
        <translation>Sin índice de búsqueda: cada búsqueda lee todos los mensajes.</translation>
    </message>
    <message>
        <source>Search index partly built (up to message %1): not used until it is finished.</source>
        <translation>Índice de búsqueda a medio crear (hasta el mensaje %1): no se usa hasta que esté terminado.</translation>
    </message>
    <message>
        <source>Search index in use: %1 messages, %2 on disk; the %3 newer ones are read directly.</source>
        <translation>Índice de búsqueda en uso: %1 mensajes, %2 en disco; los %3 más recientes se leen directamente.</translation>
    </message>
    <message>
        <source>Search index in use: %1 messages, %2 on disk.</source>
        <translation>Índice de búsqueda en uso: %1 mensajes, %2 en disco.</translation>
    </message>
    <message>
        <source>The search index in the cache was made for another database: not used.</source>
        <translation>El índice de búsqueda de la caché se creó para otra base de datos: no se usa.</translation>
    </message>
    <message>
        <source>The database was replaced or changed since the search index was built: not used until it is rebuilt.</source>
        <translation>La base de datos se sustituyó o cambió desde que se creó el índice de búsqueda: no se usa hasta volver a crearlo.</translation>
    </message>
    <message>
        <source>The search index file is damaged: not used until it is rebuilt.</source>
        <translation>El archivo del índice de búsqueda está dañado: no se usa hasta volver a crearlo.</translation>
    </message>
    <message>
        <source>Through the search index.</source>
        <translation>Mediante el índice de búsqueda.</translation>
    </message>
    <message>
        <source>One or two characters: the index needs three, so every message is read.</source>
        <translation>Uno o dos caracteres: el índice necesita tres, así que se leen todos los mensajes.</translation>
    </message>
    <message>
        <source>The index cannot answer this text: every message is read.</source>
        <translation>El índice no puede responder a este texto: se leen todos los mensajes.</translation>
    </message>
    <message>
        <source>The index failed: the rest is read message by message.</source>
        <translation>El índice falló: el resto se lee mensaje a mensaje.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>About %1 messages (%2 of text). The index will take about %3 on disk and about %4 to build, in the background; searches and browsing go on meanwhile. It is kept in your cache folder, never in the database.</source>
        <translation>Unos %1 mensajes (%2 de texto). El índice ocupará unos %3 en disco y tardará unos %4 en crearse, en segundo plano; mientras, se puede seguir buscando y navegando. Se guarda en su carpeta de caché, nunca en la base de datos.</translation>
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
    <name>kalito::SettingText</name>
    <message>
        <source>on</source>
        <translation>activadas</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivadas</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 páginas</translation>
    </message>
    <message>
        <source>%1 pages (about %2)</source>
        <translation>%1 páginas (unos %2)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>kalito::ui::BrowserWidget</name>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tablas</translation>
    </message>
    <message>
        <source>Cannot read the schema: %1</source>
        <translation>No se puede leer el esquema: %1</translation>
    </message>
    <message>
        <source>This SQLite file is not a Kalito database (no sessions and messages tables): only the table browser is available.</source>
        <translation>Este archivo SQLite no es una base de datos de Kalito (no tiene las tablas sessions y messages): solo está disponible el explorador de tablas.</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
</context>
<context>
    <name>kalito::ui::BusyIndicator</name>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
</context>
<context>
    <name>kalito::ui::CheckpointController</name>
    <message>
        <source>Run a %1 checkpoint?</source>
        <translation>¿Ejecutar un checkpoint %1?</translation>
    </message>
    <message>
        <source>While a %1 checkpoint waits for readers, every writer (the backend too) waits as well. It waits up to %2 s; you can cancel it.</source>
        <translation>Mientras un punto de control (checkpoint) %1 espera a los lectores, todos los escritores (también el backend) esperan igualmente. Espera hasta %2 s; puede cancelarlo.</translation>
    </message>
</context>
<context>
    <name>kalito::ui::CheckpointPanel</name>
    <message>
        <source>Copy what can be copied now; never waits, never blocks anyone</source>
        <translation>Copia lo que se puede copiar ahora; nunca espera ni bloquea a nadie</translation>
    </message>
    <message>
        <source>Waits for readers and blocks new writers while it waits</source>
        <translation>Espera a los lectores y bloquea a los nuevos escritores mientras espera</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>No checkpoint run yet.</source>
        <translation>Todavía no se ha ejecutado ningún punto de control (checkpoint).</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Log frames</source>
        <translation>Marcos del registro</translation>
    </message>
    <message>
        <source>Checkpointed</source>
        <translation>Transferidos</translation>
    </message>
    <message>
        <source>-wal before</source>
        <translation>-wal antes</translation>
    </message>
    <message>
        <source>-wal after</source>
        <translation>-wal después</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Transcurrido</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>Ejecutando %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>not in WAL mode: nothing to checkpoint</source>
        <translation>no está en modo WAL: el checkpoint no tiene nada que hacer</translation>
    </message>
    <message>
        <source>cancelled while waiting</source>
        <translation>cancelado durante la espera</translation>
    </message>
    <message>
        <source>a reader or writer held on: gave up after waiting</source>
        <translation type="vanished">un lector o escritor no cedió: se abandonó tras esperar</translation>
    </message>
    <message>
        <source>backlog left: a reader still uses older frames</source>
        <translation type="vanished">quedan marcos pendientes: un lector aún usa marcos anteriores</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 finished in %2 ms.</source>
        <translation>%1 terminó en %2 ms.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Checkpoints run</source>
        <translation>Checkpoints ejecutados</translation>
    </message>
</context>
<context>
    <name>kalito::ui::ConversationCopier</name>
    <message>
        <source>No temporary folder to copy through: %1</source>
        <translation>No hay carpeta temporal para la copia: %1</translation>
    </message>
    <message>
        <source>The conversation is too long for the clipboard (%L1 MB): export it instead</source>
        <translation>La conversación es demasiado larga para el portapapeles (%L1 MB): expórtela</translation>
    </message>
</context>
<context>
    <name>kalito::ui::ConversationItems</name>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>(no role)</source>
        <translation>(sin rol)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>importance %1</source>
        <translation>importancia %1</translation>
    </message>
    <message>
        <source>Show all (%L1 characters)</source>
        <translation>Mostrar todo (%L1 caracteres)</translation>
    </message>
    <message>
        <source>Loading the whole message…</source>
        <translation>Cargando el mensaje completo…</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Mostrar menos</translation>
    </message>
</context>
<context>
    <name>kalito::ui::ConversationView</name>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>Aún no hay mensajes</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar texto</translation>
    </message>
    <message>
        <source>Copy message as Markdown</source>
        <translation>Copiar el mensaje como Markdown</translation>
    </message>
    <message>
        <source>Copy conversation as Markdown</source>
        <translation>Copiar la conversación como Markdown</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Mostrar todo</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Mostrar menos</translation>
    </message>
    <message>
        <source>The session&apos;s messages, oldest first; the arrow keys move from one to the next</source>
        <translation>Los mensajes de la sesión, del más antiguo al más reciente; las flechas pasan de uno a otro</translation>
    </message>
</context>
<context>
    <name>kalito::ui::DatabaseOpener</name>
    <message>
        <source>Finishing the open under way, then opening %1…</source>
        <translation>Terminando la apertura en curso; después se abrirá %1…</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Comprobando %1…</translation>
    </message>
    <message>
        <source>Closing %1 to copy it…</source>
        <translation>Cerrando la base de datos %1 para copiarla…</translation>
    </message>
    <message>
        <source>Copying %1…</source>
        <translation>Copiando %1…</translation>
    </message>
    <message>
        <source>Creating the demo database %1…</source>
        <translation>Creando la base de datos de demostración %1…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abriendo %1…</translation>
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
    <name>kalito::ui::DiagnosticsDock</name>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>WAL and settings</source>
        <translation>WAL y ajustes</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Integridad</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Bloqueos</translation>
    </message>
    <message>
        <source>Diagnostics pages</source>
        <translation>Páginas de diagnóstico</translation>
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
    <message>
        <source>Open a Read-Only &amp;Copy…</source>
        <translation>Abrir una &amp;copia de solo lectura…</translation>
    </message>
    <message>
        <source>Copy a database and its WAL to a private folder and open the copy: nothing is created beside the original</source>
        <translation>Copiar una base de datos y su WAL a una carpeta privada y abrir la copia: no se crea nada junto al original</translation>
    </message>
    <message>
        <source>Open a Read-Only Copy</source>
        <translation>Abrir una copia de solo lectura</translation>
    </message>
</context>
<context>
    <name>kalito::ui::FindBar</name>
    <message>
        <source>Find in this conversation</source>
        <translation>Buscar en esta conversación</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Coincidencia anterior (Mayús+Intro, Mayús+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Coincidencia siguiente (Intro, F3)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Find failed</source>
        <translation>La búsqueda falló</translation>
    </message>
    <message>
        <source>Finding…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln message(s)</source>
        <translation>
            <numerusform>%1 de %Ln mensaje</numerusform>
            <numerusform>%1 de %Ln mensajes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped at the first %Ln message(s) found</source>
        <translation>
            <numerusform>Detenido en el primer mensaje encontrado</numerusform>
            <numerusform>Detenido en los primeros %Ln mensajes encontrados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::FindingsModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
</context>
<context>
    <name>kalito::ui::HealthMonitor</name>
    <message>
        <source>no -shm file</source>
        <translation>no hay archivo -shm</translation>
    </message>
    <message>
        <source>stale -shm: nobody has the database open</source>
        <translation>-shm obsoleto: nadie tiene abierta la base de datos</translation>
    </message>
</context>
<context>
    <name>kalito::ui::HealthStrip</name>
    <message>
        <source>Database health</source>
        <translation>Estado de la base de datos</translation>
    </message>
    <message>
        <source>Size of the -wal file (read with stat() every second)</source>
        <translation>Tamaño del archivo -wal (leído con stat() cada segundo)</translation>
    </message>
    <message>
        <source>Size of the -shm file, the WAL-index</source>
        <translation>Tamaño del archivo -shm, el índice WAL</translation>
    </message>
    <message>
        <source>Frames in the WAL not yet copied into the database (mxFrame - nBackfill), read from the -shm by a child process</source>
        <translation>Marcos del WAL aún no copiados a la base de datos (mxFrame - nBackfill), leídos del -shm por un proceso hijo</translation>
    </message>
    <message>
        <source>Processes inside a read transaction: while they last, checkpoints cannot copy or reset the WAL past their snapshot</source>
        <translation>Procesos dentro de una transacción de lectura: mientras sigan en ella, los puntos de control no pueden copiar ni reiniciar el WAL más allá de su instantánea</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>PASSIVE checkpoint: copy what can be copied now, never wait (other modes in the menu)</source>
        <translation>Checkpoint PASSIVE: copia lo que se puede copiar ahora, nunca espera (los demás modos, en el menú)</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>The last checkpoint run from this window</source>
        <translation>El último checkpoint ejecutado desde esta ventana</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Integridad</translation>
    </message>
    <message>
        <source>quick_check, table by table (the thorough check and the foreign keys in the menu)</source>
        <translation>quick_check, tabla por tabla (la comprobación exhaustiva y la de claves foráneas, en el menú)</translation>
    </message>
    <message>
        <source>The last integrity check</source>
        <translation>La última comprobación de integridad</translation>
    </message>
    <message>
        <source>Health warning</source>
        <translation type="vanished">Aviso sobre el estado</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Detalles…</translation>
    </message>
    <message>
        <source>Show the Diagnostics dock: WAL-index, checkpoint history, findings, locks</source>
        <translation>Mostrar el panel Diagnóstico: índice WAL, historial de checkpoints, hallazgos, bloqueos</translation>
    </message>
    <message>
        <source>%1 running…</source>
        <translation>%1 en curso…</translation>
    </message>
    <message>
        <source>%1 cancelling…</source>
        <translation>Cancelando %1…</translation>
    </message>
    <message>
        <source>no checkpoint yet</source>
        <translation>aún sin checkpoint</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>aún sin comprobar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Opened read-only: a checkpoint writes to the database</source>
        <translation>Abierta en solo lectura: un checkpoint escribe en la base de datos</translation>
    </message>
    <message>
        <source>-wal –</source>
        <translation>-wal –</translation>
    </message>
    <message>
        <source>-wal %1</source>
        <translation>-wal %1</translation>
    </message>
    <message>
        <source>no -wal</source>
        <translation>sin -wal</translation>
    </message>
    <message>
        <source>-shm –</source>
        <translation>-shm –</translation>
    </message>
    <message>
        <source>-shm %1</source>
        <translation>-shm %1</translation>
    </message>
    <message>
        <source>no -shm</source>
        <translation>sin -shm</translation>
    </message>
    <message>
        <source>backlog –</source>
        <translation>pendientes: –</translation>
    </message>
    <message>
        <source>no WAL (rollback journal)</source>
        <translation>sin WAL (diario de reversión)</translation>
    </message>
    <message>
        <source>backlog ?</source>
        <translation>pendientes: ?</translation>
    </message>
    <message>
        <source>backlog 1 frame</source>
        <translation>pendientes: 1 marco</translation>
    </message>
    <message>
        <source>backlog %1 frames</source>
        <translation>pendientes: %1 marcos</translation>
    </message>
    <message>
        <source>Frames in the WAL not yet copied into the database: %1 of %2 (mxFrame - nBackfill), read from the -shm by a child process</source>
        <translation>Marcos del WAL aún no copiados a la base de datos: %1 de %2 (mxFrame - nBackfill), leídos del -shm por un proceso hijo</translation>
    </message>
    <message>
        <source>no readers</source>
        <translation>sin lectores</translation>
    </message>
    <message>
        <source>this inspector</source>
        <translation>este inspector</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>1 reader: %1</source>
        <translation>1 lector: %1</translation>
    </message>
    <message>
        <source>%1 readers, first %2</source>
        <translation type="vanished">%1 lectores, el primero %2</translation>
    </message>
    <message>
        <source>(%1 s)</source>
        <translation type="vanished">(%1 s)</translation>
    </message>
    <message>
        <source>WAL pinned %1 s</source>
        <translation>WAL retenido %1 s</translation>
    </message>
    <message>
        <source>Process %1 has been inside one read transaction for %2 s: checkpoints cannot copy or reset the WAL past its snapshot.</source>
        <translation>El proceso %1 lleva %2 s dentro de una misma transacción de lectura: los puntos de control no pueden copiar ni reiniciar el WAL más allá de su instantánea.</translation>
    </message>
    <message>
        <source>backlog growing</source>
        <translation>pendientes en aumento</translation>
    </message>
    <message>
        <source>The backlog keeps growing past what wal_autocheckpoint leaves: checkpoints are not keeping up.</source>
        <translation>Los marcos pendientes siguen aumentando por encima de lo que deja wal_autocheckpoint: los puntos de control no dan abasto.</translation>
    </message>
    <message>
        <source>-wal growing</source>
        <translation>-wal en aumento</translation>
    </message>
    <message>
        <source>The -wal file keeps growing: the WAL is not being reset (a reader uses it, or nobody checkpoints).</source>
        <translation>El archivo -wal sigue creciendo: el WAL no se reinicia (un lector lo está usando o nadie ejecuta puntos de control).</translation>
    </message>
    <message>
        <source>Details &gt; Locks shows who holds what.</source>
        <translation>Detalles &gt; Bloqueos muestra quién tiene qué.</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>not in WAL mode</source>
        <translation>no está en modo WAL</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>busy, %1 of %2 frames</source>
        <translation>ocupado, %1 de %2 marcos</translation>
    </message>
    <message>
        <source>%1 of %2 frames</source>
        <translation>%1 de %2 marcos</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 problema</translation>
    </message>
    <message>
        <source>%1 problems</source>
        <translation>%1 problemas</translation>
    </message>
    <message>
        <source>No database is open yet: the figures show once one is.</source>
        <translation>Aún no hay ninguna base de datos abierta: las cifras aparecen cuando se abra una.</translation>
    </message>
    <message>
        <source>Trying again within %1 s, and at once when the files change.</source>
        <translation>Se vuelve a intentar en %1 s, y en cuanto cambien los archivos.</translation>
    </message>
    <message>
        <source>The WAL-index has not been read yet: the first probe process has not answered.</source>
        <translation>Aún no se ha leído el índice WAL: el primer proceso de sondeo no ha respondido.</translation>
    </message>
    <message>
        <source>The database is not in WAL mode: there is no WAL and no backlog.</source>
        <translation>La base de datos no está en modo WAL: no hay WAL ni marcos pendientes.</translation>
    </message>
    <message>
        <source>The WAL-index could not be read: %1.</source>
        <translation>No se pudo leer el índice WAL: %1.</translation>
    </message>
    <message>
        <source>the probe process gave no reason</source>
        <translation>el proceso de sondeo no dio ningún motivo</translation>
    </message>
    <message>
        <source>readers –</source>
        <translation>lectores –</translation>
    </message>
    <message>
        <source>The locks have not been read yet: the first probe process has not answered.</source>
        <translation>Aún no se han leído los bloqueos: el primer proceso de sondeo no ha respondido.</translation>
    </message>
    <message>
        <source>busy (%1), %2 of %3 frames</source>
        <translation>ocupado (%1), %2 de %3 marcos</translation>
    </message>
</context>
<context>
    <name>kalito::ui::IntegrityPanel</name>
    <message>
        <source>quick_check (fast)</source>
        <translation>quick_check (rápido)</translation>
    </message>
    <message>
        <source>integrity_check (thorough)</source>
        <translation>integrity_check (exhaustivo)</translation>
    </message>
    <message>
        <source>foreign_key_check</source>
        <translation>foreign_key_check</translation>
    </message>
    <message>
        <source>One whole-file pass (also checks page accounting; no progress)</source>
        <translation>Una sola pasada por todo el archivo (también comprueba el recuento de páginas; sin progreso)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Checks run inside a read transaction; table by table, checkpoints get through between tables.</source>
        <translation>Las comprobaciones se ejecutan dentro de una transacción de lectura; al ir tabla por tabla, los puntos de control (checkpoints) pueden completarse entre una tabla y otra.</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>Ejecutando %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Checking %1 (%2 of %3)…</source>
        <translation>Comprobando %1 (%2 de %3)…</translation>
    </message>
    <message>
        <source>%1 cancelled after %2 ms (%3 of %4 checked).</source>
        <translation>%1 cancelado tras %2 ms (comprobadas %3 de %4).</translation>
    </message>
    <message>
        <source>%1 could not run: %2</source>
        <translation>No se pudo ejecutar %1: %2</translation>
    </message>
    <message>
        <source>%1: ok (%2 ms).</source>
        <translation>%1: correcto (%2 ms).</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln problem(s) found (%2 ms).</source>
        <translation>
            <numerusform>%1: se encontró %Ln problema (%2 ms).</numerusform>
            <numerusform>%1: se encontraron %Ln problemas (%2 ms).</numerusform>
        </translation>
    </message>
    <message>
        <source>Checked table by table: the whole-file page accounting needs the whole-file pass.</source>
        <translation>Comprobado tabla por tabla: el recuento de páginas de todo el archivo requiere la pasada por todo el archivo.</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Progreso de la comprobación</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
</context>
<context>
    <name>kalito::ui::LiveFollower</name>
    <message>
        <source>Go to the newest message</source>
        <translation>Ir al mensaje más reciente</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new message(s) ↓</source>
        <translation>
            <numerusform>%Ln mensaje nuevo ↓</numerusform>
            <numerusform>%Ln mensajes nuevos ↓</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kalito::ui::LivePage</name>
    <message>
        <source>Setting</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Backend expects</source>
        <translation>Esperado por el backend</translation>
    </message>
    <message>
        <source>Why it differs</source>
        <translation>Por qué difiere</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>WAL-index (-shm), read by a child process</source>
        <translation>Índice WAL (-shm), leído por un proceso hijo</translation>
    </message>
    <message>
        <source>Settings and numbers</source>
        <translation>Ajustes y cifras</translation>
    </message>
    <message>
        <source>Compile options:</source>
        <translation>Opciones de compilación:</translation>
    </message>
    <message>
        <source>database %1   -wal %2   -shm %3</source>
        <translation>base de datos %1   -wal %2   -shm %3</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>no existe</translation>
    </message>
    <message>
        <source>Not in WAL mode (rollback journal): there is no WAL-index.</source>
        <translation>No está en modo WAL (diario de reversión): no hay índice WAL.</translation>
    </message>
    <message>
        <source>No -shm file: no connection has the database open in WAL mode.</source>
        <translation>No hay archivo -shm: ninguna conexión tiene la base de datos abierta en modo WAL.</translation>
    </message>
    <message>
        <source>WAL-index not readable: %1</source>
        <translation>No se puede leer el índice WAL: %1</translation>
    </message>
    <message>
        <source>Frames in the WAL (mxFrame): %1    checkpointed (nBackfill): %2    backlog: %3</source>
        <translation>Marcos en el WAL (mxFrame): %1    transferidos (nBackfill): %2    pendientes: %3</translation>
    </message>
    <message>
        <source>%1: frame %2</source>
        <translation>%1: marco %2</translation>
    </message>
    <message>
        <source>%1: unused</source>
        <translation>%1: sin usar</translation>
    </message>
    <message>
        <source>Reader marks: %1</source>
        <translation>Marcas de lectores: %1</translation>
    </message>
    <message>
        <source>STALE: no process holds the -shm open; these numbers are left from a process that ended and are not trusted.</source>
        <translation>OBSOLETO: ningún proceso tiene abierto el -shm; estas cifras quedan de un proceso que ya terminó y no son fiables.</translation>
    </message>
    <message>
        <source>-wal header: page size %1, checkpoint sequence %2, salts %3/%4, room for %5 frames</source>
        <translation>Cabecera de -wal: tamaño de página %1, secuencia de checkpoint %2, sales %3/%4, espacio para %5 marcos</translation>
    </message>
    <message>
        <source>page size</source>
        <translation>tamaño de página</translation>
    </message>
    <message>
        <source>page count</source>
        <translation>número de páginas</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>freelist pages</source>
        <translation>páginas libres (freelist)</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>Compile options</source>
        <translation>Opciones de compilación</translation>
    </message>
</context>
<context>
    <name>kalito::ui::LockTimeline</name>
    <message>
        <source>pid %1 this inspector</source>
        <translation>pid %1 este inspector</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>pid %1 %2</source>
        <translation>pid %1 %2</translation>
    </message>
    <message>
        <source>No lock seen yet.</source>
        <translation>Todavía no se ha observado ningún bloqueo.</translation>
    </message>
    <message>
        <source> (user %1)</source>
        <translation> (usuario %1)</translation>
    </message>
    <message>
        <source>%1 (%2) on %3</source>
        <translation>%1 (%2) en %3</translation>
    </message>
    <message>
        <source>write</source>
        <translation>escritura</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lectura</translation>
    </message>
    <message>
        <source>the -shm</source>
        <translation>el -shm</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>la base de datos</translation>
    </message>
    <message>
        <source>already held when watching began at %1</source>
        <translation>ya mantenido cuando empezó la observación, a las %1</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>iniciado a las %1</translation>
    </message>
    <message>
        <source>, still held (%1 so far)</source>
        <translation>, aún mantenido (%1 hasta ahora)</translation>
    </message>
    <message>
        <source>, held %1 (until %2)</source>
        <translation>, mantenido %1 (hasta las %2)</translation>
    </message>
    <message>
        <source>WAL frames at the start: %1, %2 backfilled</source>
        <translation>Marcos del WAL al inicio: %1, %2 transferidos</translation>
    </message>
    <message>
        <source>WAL frames at the end: %1, %2 backfilled</source>
        <translation>Marcos del WAL al final: %1, %2 transferidos</translation>
    </message>
</context>
<context>
    <name>kalito::ui::LockTimelinePane</name>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out (or the mouse wheel)</source>
        <translation>Alejar (o con la rueda del ratón)</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in (or the mouse wheel)</source>
        <translation>Acercar (o con la rueda del ratón)</translation>
    </message>
    <message>
        <source>Follow now</source>
        <translation>Seguir la hora actual</translation>
    </message>
    <message>
        <source>Keep the right edge at the current time; Shift+wheel scrolls back</source>
        <translation>Mantener el borde derecho en la hora actual; Mayús+rueda desplaza hacia atrás</translation>
    </message>
    <message>
        <source>Save recording…</source>
        <translation>Guardar grabación…</translation>
    </message>
    <message>
        <source>Save the holds shown as JSON lines (the format of locks --watch --jsonl)</source>
        <translation>Guardar los bloqueos mostrados como líneas JSON (el formato de locks --watch --jsonl)</translation>
    </message>
    <message>
        <source>Load recording…</source>
        <translation>Cargar grabación…</translation>
    </message>
    <message>
        <source>Show a recording saved here or made by kalito-inspector locks --watch --jsonl</source>
        <translation>Mostrar una grabación guardada aquí o creada con kalito-inspector locks --watch --jsonl</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>Volver al directo</translation>
    </message>
    <message>
        <source>Show the live timeline again</source>
        <translation>Volver a mostrar la línea de tiempo en directo</translation>
    </message>
    <message>
        <source>Recording %1: %2 by %3, %4 to %5</source>
        <translation>Grabación %1: %2 de %3, de %4 a %5</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hold(s)</source>
        <translation>
            <numerusform>%Ln bloqueo</numerusform>
            <numerusform>%Ln bloqueos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln process(es)</source>
        <translation>
            <numerusform>%Ln proceso</numerusform>
            <numerusform>%Ln procesos</numerusform>
        </translation>
    </message>
    <message>
        <source>Live: lock changes seen by a watcher process (pid %1); last %2 minutes kept</source>
        <translation>En directo: cambios de bloqueo observados por un proceso vigilante (pid %1); se conservan los últimos %2 minutos</translation>
    </message>
    <message>
        <source>Not watching: %1</source>
        <translation>No se está observando: %1</translation>
    </message>
    <message>
        <source>Not watching yet.</source>
        <translation>Todavía no se está observando.</translation>
    </message>
    <message>
        <source>Lock recordings (*.jsonl)</source>
        <translation>Grabaciones de bloqueos (*.jsonl)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Save lock recording</source>
        <translation>Guardar grabación de bloqueos</translation>
    </message>
    <message>
        <source>The recording was not saved.
%1</source>
        <translation>No se guardó la grabación.
%1</translation>
    </message>
    <message>
        <source>Load lock recording</source>
        <translation>Cargar grabación de bloqueos</translation>
    </message>
    <message>
        <source>The recording was not loaded.
%1</source>
        <translation>No se cargó la grabación.
%1</translation>
    </message>
</context>
<context>
    <name>kalito::ui::LockWatchFeed</name>
    <message>
        <source>the lock watcher (%1) could not be started: %2</source>
        <translation>no se pudo iniciar el vigilante de bloqueos (%1): %2</translation>
    </message>
    <message>
        <source>the lock watcher ended (exit code %1)</source>
        <translation>el vigilante de bloqueos terminó (código de salida %1)</translation>
    </message>
    <message>
        <source>lock watcher: ignoring a line: %1</source>
        <translation>vigilancia de bloqueos: se ignora una línea: %1</translation>
    </message>
</context>
<context>
    <name>kalito::ui::LocksPanel</name>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Every 3 s while visible</source>
        <translation>Cada 3 s mientras esté visible</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proceso</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Files open</source>
        <translation>Archivos abiertos</translation>
    </message>
    <message>
        <source>Read from /proc and by a child process; no SQLite connection involved.</source>
        <translation>Leído de /proc y mediante un proceso hijo; no interviene ninguna conexión SQLite.</translation>
    </message>
    <message>
        <source>this inspector</source>
        <translation>este inspector</translation>
    </message>
    <message>
        <source> (seen through its locks)</source>
        <translation> (visto a través de sus bloqueos)</translation>
    </message>
    <message>
        <source>Processes with the database open</source>
        <translation>Procesos con la base de datos abierta</translation>
    </message>
    <message>
        <source>Locks held</source>
        <translation>Bloqueos mantenidos</translation>
    </message>
    <message>
        <source>Lock diagnosis</source>
        <translation>Diagnóstico de bloqueos</translation>
    </message>
</context>
<context>
    <name>kalito::ui::LocksTableModel</name>
    <message>
        <source>this inspector</source>
        <translation>este inspector</translation>
    </message>
    <message>
        <source>database</source>
        <translation>base de datos</translation>
    </message>
    <message>
        <source>write</source>
        <translation>escritura</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lectura</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proceso</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloqueo</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
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
        <translation type="vanished">Abriendo %1…</translation>
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
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Cannot copy database</source>
        <translation>No se puede copiar la base de datos</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>No se pudo abrir %1</translation>
    </message>
    <message>
        <source>Could not open %1; %2 is still open</source>
        <translation>No se pudo abrir %1; sigue abierta la base de datos %2</translation>
    </message>
    <message>
        <source>%1

%2 is still open.</source>
        <translation>%1

Sigue abierta la base de datos %2.</translation>
    </message>
    <message>
        <source>Cannot create the demo database</source>
        <translation>No se puede crear la base de datos de demostración</translation>
    </message>
    <message>
        <source>Copy cancelled; nothing of it was kept</source>
        <translation>Copia cancelada; no se conservó nada de ella</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Cancelar la exportación</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>No se pudo abrir %1: %2</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
</context>
<context>
    <name>kalito::ui::MessageAccessible</name>
    <message>
        <source>Loading message…</source>
        <translation>Cargando el mensaje…</translation>
    </message>
    <message>
        <source>Message %1 of %2</source>
        <translation>Mensaje %1 de %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <extracomment>A message for a screen reader: author, time: text.</extracomment>
        <translation>%1, %2: %3</translation>
    </message>
</context>
<context>
    <name>kalito::ui::MessageDetailPane</name>
    <message>
        <source>Select a message to read it in full</source>
        <translation>Seleccione un mensaje para leerlo completo</translation>
    </message>
    <message>
        <source>Message %1 no longer exists</source>
        <translation>El mensaje %1 ya no existe</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln carácter</numerusform>
            <numerusform>%Ln caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>modelo %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>importance %1</source>
        <translation>importancia %1</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Copiar todo</translation>
    </message>
    <message>
        <source>Copy the whole text of the message</source>
        <translation>Copiar el texto completo del mensaje</translation>
    </message>
    <message>
        <source>Showing the first %L1 of %L2 characters. Copy all copies the whole text; File &gt; Export session… writes it to a file.</source>
        <translation>Se muestran los primeros %L1 de %L2 caracteres. Copiar todo copia el texto completo; Archivo &gt; Exportar sesión… lo escribe en un archivo.</translation>
    </message>
    <message>
        <source>Message in full</source>
        <translation>Mensaje completo</translation>
    </message>
</context>
<context>
    <name>kalito::ui::MessagesModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Imp.</source>
        <translation>Imp.</translation>
    </message>
    <message>
        <source>  [%1 characters]</source>
        <translation>  [%1 caracteres]</translation>
    </message>
</context>
<context>
    <name>kalito::ui::NotesModel</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creación</translation>
    </message>
    <message>
        <source>Imp.</source>
        <translation>Imp.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Fijado</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>importance %1</source>
        <translation>importancia %1</translation>
    </message>
    <message>
        <source>messages %1–%2</source>
        <translation>mensajes %1–%2</translation>
    </message>
    <message>
        <source>message %1</source>
        <translation>mensaje %1</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 mensajes</translation>
    </message>
</context>
<context>
    <name>kalito::ui::NotesPane</name>
    <message>
        <source>Pins and summaries</source>
        <translation>Fijados y resúmenes</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="vanished">Resumen</translation>
    </message>
    <message>
        <source>The session&apos;s pinned messages and summaries; choosing one shows its message</source>
        <translation>Los mensajes fijados y los resúmenes de la sesión; al elegir uno se muestra su mensaje</translation>
    </message>
    <message>
        <source>Open or close the pins and summaries</source>
        <translation>Abrir o cerrar los fijados y resúmenes</translation>
    </message>
    <message>
        <source>No index finds a conversation&apos;s notes: %1 rows are read for each, only while this pane is open.</source>
        <translation>Ningún índice encuentra las notas de una conversación: se leen %1 filas para cada una, solo mientras este panel está abierto.</translation>
    </message>
    <message>
        <source>Closed: no index finds a conversation&apos;s notes, so %1 rows would be read for each. Open the pane to read them.</source>
        <translation>Cerrado: ningún índice encuentra las notas de una conversación, así que se leerían %1 filas para cada una. Abra el panel para leerlas.</translation>
    </message>
</context>
<context>
    <name>kalito::ui::OpenStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>%1 of %2 MB</source>
        <translation>%1 de %2 MB</translation>
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
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>contando…</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
</context>
<context>
    <name>kalito::ui::PagedModel</name>
    <message>
        <source>…</source>
        <translation>…</translation>
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
    <name>kalito::ui::SearchDock</name>
    <message>
        <source>Search messages</source>
        <translation>Buscar mensajes</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Find in messages…</source>
        <translation>&amp;Buscar en los mensajes…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Error en la búsqueda: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln result(s)</source>
        <translation>
            <numerusform>%Ln resultado</numerusform>
            <numerusform>%Ln resultados</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Export session…</source>
        <translation>Exportar sesión…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Stopped at the limit of %1 results, after searching %2% of the messages.</source>
        <translation>Detenido al alcanzar el límite de %1 resultados, tras buscar en el %2% de los mensajes.</translation>
    </message>
    <message>
        <source>Search all messages</source>
        <translation>Buscar en todos los mensajes</translation>
    </message>
    <message>
        <source>Text to find in every message of every session; Enter searches</source>
        <translation>Texto que buscar en todos los mensajes de todas las sesiones; Intro busca</translation>
    </message>
    <message>
        <source>Search progress</source>
        <translation>Progreso de la búsqueda</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Click a result, or press Enter on it, to open its session at that message</source>
        <translation>Haga clic en un resultado, o pulse Intro sobre él, para abrir su sesión en ese mensaje</translation>
    </message>
    <message>
        <source>&amp;Search all messages…</source>
        <translation>&amp;Buscar en todos los mensajes…</translation>
    </message>
</context>
<context>
    <name>kalito::ui::SearchIndexPanel</name>
    <message>
        <source>Build search index…</source>
        <translation>Crear índice…</translation>
    </message>
    <message>
        <source>Shows how much space and time an index of every message would take, then builds it if you agree</source>
        <translation>Muestra cuánto espacio y tiempo llevaría un índice de todos los mensajes y lo crea si usted acepta</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Search index progress</source>
        <translation>Progreso del índice de búsqueda</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel building the search index</source>
        <translation>Cancelar la creación del índice de búsqueda</translation>
    </message>
    <message>
        <source>Finish the search index…</source>
        <translation>Terminar índice…</translation>
    </message>
    <message>
        <source>Rebuild search index…</source>
        <translation>Rehacer índice…</translation>
    </message>
    <message>
        <source>Estimating the size and time of the index…</source>
        <translation>Estimando el tamaño y el tiempo del índice…</translation>
    </message>
    <message>
        <source>Cannot build a search index: %1</source>
        <translation>No se puede crear un índice de búsqueda: %1</translation>
    </message>
    <message>
        <source>Building the search index…</source>
        <translation>Creando el índice de búsqueda…</translation>
    </message>
    <message>
        <source>Building the index stopped: %1</source>
        <translation>La creación del índice se detuvo: %1</translation>
    </message>
    <message>
        <source>Cancelled: what was indexed is kept, and finishing it goes on from there.</source>
        <translation>Cancelado: lo ya indexado se conserva, y al terminarlo se sigue desde ahí.</translation>
    </message>
</context>
<context>
    <name>kalito::ui::SearchResultsModel</name>
    <message>
        <source>Session %1</source>
        <translation>Sesión %1</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation type="vanished">Mensaje %1</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Message %1 in session %2</source>
        <translation>Mensaje %1 de la sesión %2</translation>
    </message>
</context>
<context>
    <name>kalito::ui::SessionExportController</name>
    <message>
        <source>&amp;Export session…</source>
        <translation>&amp;Exportar sesión…</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV for spreadsheets, with a UTF-8 byte-order mark (*.csv)</source>
        <translation>CSV para hojas de cálculo, con marca de orden de bytes UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>Exportar sesión</translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %Ln message(s) written</source>
        <translation>
            <numerusform>Exportando… %Ln mensaje escrito</numerusform>
            <numerusform>Exportando… %Ln mensajes escritos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln message(s) to %1</source>
        <translation>
            <numerusform>Se exportó %Ln mensaje a %1</numerusform>
            <numerusform>Se exportaron %Ln mensajes a %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Error al exportar: %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was left as it was</source>
        <translation>Exportación cancelada; %1 se dejó como estaba</translation>
    </message>
</context>
<context>
    <name>kalito::ui::SessionsModel</name>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardada</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creación</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualización</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>guardada</translation>
    </message>
</context>
<context>
    <name>kalito::ui::SessionsPane</name>
    <message>
        <source>Filter sessions</source>
        <translation>Filtrar sesiones</translation>
    </message>
    <message>
        <source>All personas</source>
        <translation>Todas las personas</translation>
    </message>
    <message>
        <source>Saved or not</source>
        <translation>Guardadas o no</translation>
    </message>
    <message>
        <source>Saved only</source>
        <translation>Solo guardadas</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardadas</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="vanished">Mensajes</translation>
    </message>
    <message>
        <source>Counting sessions…</source>
        <translation>Contando sesiones…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln sesión</numerusform>
            <numerusform>%Ln sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>Shows only the sessions that match this text</source>
        <translation>Muestra solo las sesiones que coinciden con este texto</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>The database&apos;s sessions; the one chosen opens in the conversation</source>
        <translation>Las sesiones de la base de datos; la elegida se abre en la conversación</translation>
    </message>
</context>
<context>
    <name>kalito::ui::SpacePage</name>
    <message>
        <source>File space summary</source>
        <translation>Resumen del espacio del archivo</translation>
    </message>
    <message>
        <source>Analyze</source>
        <translation>Analizar</translation>
    </message>
    <message>
        <source>Read where the bytes of the file go again (reads only; writes nothing)</source>
        <translation>Volver a leer en qué se van los bytes del archivo (solo lee; no escribe nada)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Space report progress</source>
        <translation>Progreso del informe de espacio</translation>
    </message>
    <message>
        <source>Space report status</source>
        <translation>Estado del informe de espacio</translation>
    </message>
    <message>
        <source>Space chart: tables, indexes and sessions by size</source>
        <translation>Gráfico de espacio: tablas, índices y sesiones por tamaño</translation>
    </message>
    <message>
        <source>Tables and indexes by size</source>
        <translation>Tablas e índices por tamaño</translation>
    </message>
    <message>
        <source>Table or index</source>
        <translation>Tabla o índice</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Proporción</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Carga útil</translation>
    </message>
    <message>
        <source>Unused</source>
        <translation>Sin usar</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Profundidad</translation>
    </message>
    <message>
        <source>Overflow pages</source>
        <translation>Páginas de desbordamiento</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <source>Sessions and messages holding the most text</source>
        <translation>Sesiones y mensajes con más texto</translation>
    </message>
    <message>
        <source>Session or message</source>
        <translation>Sesión o mensaje</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Reading the file&apos;s pages…</source>
        <translation>Leyendo las páginas del archivo…</translation>
    </message>
    <message>
        <source>Cancelled: the figures shown are the b-trees read before it.</source>
        <translation>Cancelado: las cifras mostradas son los árboles B leídos antes.</translation>
    </message>
    <message>
        <source>About %1 s in all. The largest table is read in one go, holding a read snapshot for about %2 s: meanwhile the backend&apos;s checkpoints wait (its writes do not).</source>
        <translation>Unos %1 s en total. La tabla más grande se lee de una vez y mantiene una instantánea de lectura durante unos %2 s: mientras tanto, los checkpoints del backend esperan (sus escrituras no).</translation>
    </message>
    <message>
        <source>Adding up the text of every session…</source>
        <translation>Sumando el texto de cada sesión…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>Read in %1 ms; the longest single read took %2 ms (%3).</source>
        <translation>Leído en %1 ms; la lectura más larga duró %2 ms (%3).</translation>
    </message>
    <message>
        <source>%1 pages of %2 bytes: %3 (on disk %4).</source>
        <translation>%1 páginas de %2 bytes: %3 (en disco %4).</translation>
    </message>
    <message>
        <source>Freelist: %1 pages, %2: VACUUM gives back at least this.</source>
        <translation>Lista libre: %1 páginas, %2: VACUUM devuelve al menos esto.</translation>
    </message>
    <message>
        <source>-wal: %1, given back by a TRUNCATE checkpoint once no reader holds an older snapshot; -shm: %2.</source>
        <translation>-wal: %1, que devuelve un checkpoint TRUNCATE cuando ningún lector mantiene una instantánea anterior; -shm: %2.</translation>
    </message>
    <message>
        <source>No -wal file.</source>
        <translation>No hay archivo -wal.</translation>
    </message>
    <message>
        <source>%1
%2 pages (%3 interior, %4 leaf, %5 overflow) = %6 bytes, %7 of the file
payload %8 bytes, unused %9 bytes</source>
        <translation>%1
%2 páginas (%3 interiores, %4 hoja, %5 de desbordamiento) = %6 bytes, %7 del archivo
carga útil %8 bytes, sin usar %9 bytes</translation>
    </message>
    <message>
        <source>%1 with its indexes</source>
        <translation>%1 con sus índices</translation>
    </message>
    <message>
        <source>%1 (table)</source>
        <translation>%1 (tabla)</translation>
    </message>
    <message>
        <source>Sessions with the most message text</source>
        <translation>Sesiones con más texto en sus mensajes</translation>
    </message>
    <message>
        <source>%1
%2 bytes of text in %3 messages (%4 of all message text)
Click to open</source>
        <translation>%1
%2 bytes de texto en %3 mensajes (%4 de todo el texto)
Haga clic para abrirla</translation>
    </message>
    <message>
        <source>Largest messages</source>
        <translation>Mensajes más grandes</translation>
    </message>
    <message>
        <source>Message %1 in %2</source>
        <translation>Mensaje %1 en %2</translation>
    </message>
    <message>
        <source>Message %1: %2 bytes of text
session %3
Click to open</source>
        <translation>Mensaje %1: %2 bytes de texto
sesión %3
Haga clic para abrirlo</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>El archivo</translation>
    </message>
    <message>
        <source>Tables and indexes</source>
        <translation>Tablas e índices</translation>
    </message>
    <message>
        <source>%1 pages in use, %2 bytes</source>
        <translation>%1 páginas en uso, %2 bytes</translation>
    </message>
    <message>
        <source>Freelist</source>
        <translation>Lista libre</translation>
    </message>
    <message>
        <source>%1 free pages, %2 bytes: VACUUM gives back at least this</source>
        <translation>%1 páginas libres, %2 bytes: VACUUM devuelve al menos esto</translation>
    </message>
    <message>
        <source>-wal</source>
        <translation>-wal</translation>
    </message>
    <message>
        <source>%1 bytes: a TRUNCATE checkpoint gives it back once no reader holds an older snapshot</source>
        <translation>%1 bytes: un checkpoint TRUNCATE lo devuelve cuando ningún lector mantiene una instantánea anterior</translation>
    </message>
    <message>
        <source>Tables and their indexes</source>
        <translation>Tablas y sus índices</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 with its indexes: %2 pages, %3 bytes, %4 of the file; payload %5 bytes, unused %6 bytes</source>
        <translation>%1 con sus índices: %2 páginas, %3 bytes, %4 del archivo; carga útil %5 bytes, sin usar %6 bytes</translation>
    </message>
    <message>
        <source>(table)</source>
        <translation>(tabla)</translation>
    </message>
    <message>
        <source>%1: %2 pages, %3 bytes, %4 of the file; payload %5 bytes, unused %6 bytes, depth %7</source>
        <translation>%1: %2 páginas, %3 bytes, %4 del archivo; carga útil %5 bytes, sin usar %6 bytes, profundidad %7</translation>
    </message>
    <message>
        <source>Sessions with the most message text (click to open)</source>
        <translation>Sesiones con más texto en sus mensajes (clic para abrir)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln message(s)</source>
        <translation>
            <numerusform>%1 · %Ln mensaje</numerusform>
            <numerusform>%1 · %Ln mensajes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2 bytes of text in %3 messages</source>
        <translation>%1
%2 bytes de texto en %3 mensajes</translation>
    </message>
</context>
<context>
    <name>kalito::ui::SqlLogDock</name>
    <message>
        <source>SQL Log</source>
        <translation>Registro SQL</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Statements with their durations, and SQLite&apos;s error log.</source>
        <translation>Sentencias con su duración y el registro de errores de SQLite.</translation>
    </message>
    <message>
        <source>Statements with their durations. SQLite&apos;s error log is off: it must be set before the first connection opens.</source>
        <translation>Sentencias con su duración. El registro de errores de SQLite está desactivado: debe activarse antes de que se abra la primera conexión.</translation>
    </message>
</context>
<context>
    <name>kalito::ui::SqlLogModel</name>
    <message>
        <source>error %1</source>
        <translation>error %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Statement / SQLite message</source>
        <translation>Sentencia / mensaje de SQLite</translation>
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
</context>
<context>
    <name>kalito::ui::TableBrowser</name>
    <message>
        <source>Select a row to read every column in full</source>
        <translation>Seleccione una fila para leer todas sus columnas completas</translation>
    </message>
    <message>
        <source>This row no longer exists.</source>
        <translation>Esta fila ya no existe.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;%Ln byte(s)&gt;</source>
        <translation>
            <numerusform>&lt;%Ln byte&gt;</numerusform>
            <numerusform>&lt;%Ln bytes&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter rows: any column contains…</source>
        <translation>Filtrar filas: alguna columna contiene…</translation>
    </message>
    <message>
        <source>Counting rows…</source>
        <translation>Contando filas…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln fila</numerusform>
            <numerusform>%Ln filas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) contain “%1”</source>
        <translation>
            <numerusform>%Ln fila contiene “%1”</numerusform>
            <numerusform>%Ln filas contienen “%1”</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rows (counting…)</source>
        <translation>%1 filas (contando…)</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>Filtrar filas</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Value in full</source>
        <translation>Valor completo</translation>
    </message>
</context>
<context>
    <name>kalito::ui::TableListPane</name>
    <message>
        <source>Filter tables</source>
        <translation>Filtrar tablas</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tablas</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>contando…</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
</context>
<context>
    <name>kalito::ui::TranscriptView</name>
    <message>
        <source>Select a session</source>
        <translation>Seleccione una sesión</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Primero</translation>
    </message>
    <message>
        <source>Jump to the first message</source>
        <translation>Ir al primer mensaje</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Último</translation>
    </message>
    <message>
        <source>Jump to the last message</source>
        <translation>Ir al último mensaje</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>No transcript</source>
        <translation>Sin transcripción</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln mensaje</numerusform>
            <numerusform>%Ln mensajes</numerusform>
        </translation>
    </message>
    <message>
        <source>Message %1 is not in this session</source>
        <translation>El mensaje %1 no está en esta sesión</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Each message whole and wrapped, like a chat history</source>
        <translation>Cada mensaje completo y ajustado, como un historial de chat</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Cuadrícula</translation>
    </message>
    <message>
        <source>One row per message, in columns</source>
        <translation>Una fila por mensaje, en columnas</translation>
    </message>
    <message>
        <source>Cancel copy</source>
        <translation>Cancelar la copia</translation>
    </message>
    <message numerus="yes">
        <source>Copying the conversation… %Ln message(s)</source>
        <translation>
            <numerusform>Copiando la conversación… %Ln mensaje</numerusform>
            <numerusform>Copiando la conversación… %Ln mensajes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied the conversation: %Ln message(s)</source>
        <translation>
            <numerusform>Conversación copiada: %Ln mensaje</numerusform>
            <numerusform>Conversación copiada: %Ln mensajes</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy cancelled</source>
        <translation>Copia cancelada</translation>
    </message>
    <message>
        <source>Copying the conversation…</source>
        <translation>Copiando la conversación…</translation>
    </message>
</context>
<context>
    <name>kalito::ui::WalSizePlot</name>
    <message>
        <source>Size of the -wal file over the last five minutes</source>
        <translation>Tamaño del archivo -wal durante los últimos cinco minutos</translation>
    </message>
    <message>
        <source>-wal size: no samples yet</source>
        <translation>Tamaño de -wal: aún no hay muestras</translation>
    </message>
    <message>
        <source>-wal size, last 5 min (max %1)</source>
        <translation>Tamaño de -wal, últimos 5 min (máx. %1)</translation>
    </message>
    <message>
        <source>-wal empty for the last 5 min</source>
        <translation>-wal vacío durante los últimos 5 min</translation>
    </message>
</context>
<context>
    <name>kalito::ui::WindowNotice</name>
    <message>
        <source>Open a database…</source>
        <translation>Abrir una base de datos…</translation>
    </message>
    <message>
        <source>Choose a Kalito database file (kalito.db) to open (Ctrl+O)</source>
        <translation>Elegir un archivo de base de datos de Kalito (kalito.db) para abrirlo (Ctrl+O)</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>This is a demo database, made up so that you can try the inspector (%1). To look at your own, open its kalito.db with File &gt; Open… (%2).</source>
        <translation>Esta es una base de datos de demostración, inventada para que pueda probar el inspector (%1). Para ver la suya, abra su kalito.db con Archivo &gt; Abrir… (%2).</translation>
    </message>
    <message>
        <source>No database is open. Open a Kalito database (kalito.db) with File &gt; Open… (%1).</source>
        <translation>No hay ninguna base de datos abierta. Abra una base de datos de Kalito (kalito.db) con Archivo &gt; Abrir… (%1).</translation>
    </message>
</context>
</TS>
