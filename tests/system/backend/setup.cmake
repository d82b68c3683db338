# CTest fixture: installs the backend's driver (better-sqlite3, pinned in package-lock.json) next to
# writer.js in DEST, with `npm ci` from the npm registry. Runs npm only when the compiled module is
# missing or the lock file changed, because better-sqlite3 compiles from source when no prebuilt
# binary can be downloaded (about 6 minutes on 2 cores).
#   cmake -DSOURCE=<tests/system/backend> -DDEST=<folder> -P setup.cmake
file(MAKE_DIRECTORY "${DEST}")
foreach(f package.json package-lock.json writer.js)
    file(COPY_FILE "${SOURCE}/${f}" "${DEST}/${f}" ONLY_IF_DIFFERENT)
endforeach()

find_program(NODE node)
find_program(NPM npm)
if(NOT NODE OR NOT NPM)
    message(FATAL_ERROR "Node.js 20 and npm are needed for the backend system tests (apt-get install nodejs npm)")
endif()
execute_process(COMMAND "${NODE}" --version OUTPUT_VARIABLE node_version OUTPUT_STRIP_TRAILING_WHITESPACE)
message(STATUS "node ${node_version}")

set(module "${DEST}/node_modules/better-sqlite3/build/Release/better_sqlite3.node")
file(SHA256 "${SOURCE}/package-lock.json" lock_hash)
set(stamp "${DEST}/node_modules/.kalito-lock-sha256")
set(installed_hash "")
if(EXISTS "${stamp}")
    file(READ "${stamp}" installed_hash)
endif()

if(NOT EXISTS "${module}" OR NOT installed_hash STREQUAL lock_hash)
    message(STATUS "npm ci in ${DEST} (compiles better-sqlite3 if no prebuilt binary is reachable)")
    execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --loglevel=error
                    WORKING_DIRECTORY "${DEST}" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "npm ci failed (${rc}) in ${DEST}")
    endif()
    file(WRITE "${stamp}" "${lock_hash}")
endif()

execute_process(COMMAND "${NODE}" -e "const D=require('better-sqlite3');const db=new D(':memory:');console.log('better-sqlite3 ok, SQLite '+db.prepare('select sqlite_version() v').get().v)"
                WORKING_DIRECTORY "${DEST}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "better-sqlite3 does not load: ${err}")
endif()
message(STATUS "${out}")
