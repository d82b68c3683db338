cmake_minimum_required(VERSION 3.25)
# english_plurals_complete: every %n string of ui/, cli/ and core/text/ has its English singular and plural in
# resources/translations/kalito-inspector_en.ts (else the window would say "1 session(s)").
# Run as: cmake -DLUPDATE=... -DSOURCE=<project> -DWORK=<dir> -P english_plurals.cmake
set(committed ${SOURCE}/resources/translations/kalito-inspector_en.ts)
set(fresh ${WORK}/plurals-now.ts)
file(REMOVE ${fresh})
execute_process(COMMAND ${LUPDATE} ${SOURCE}/ui ${SOURCE}/cli ${SOURCE}/core/text -extensions cpp,h -pluralonly -locations none
                        -no-ui-lines -target-language en -ts ${fresh}
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc})")
endif()
file(STRINGS ${fresh} wanted REGEX "<source>")
file(STRINGS ${committed} have REGEX "<source>")
set(missing)
foreach(s IN LISTS wanted)
    if(NOT s IN_LIST have)
        list(APPEND missing "${s}")
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "kalito-inspector_en.ts lacks these plural strings (run the update_english_plurals "
                        "target and write their two forms):\n${missing}")
endif()
file(READ ${committed} text)
string(FIND "${text}" "type=\"unfinished\"" unfinished)
string(FIND "${text}" "<numerusform></numerusform>" empty)
if(NOT unfinished EQUAL -1 OR NOT empty EQUAL -1)
    message(FATAL_ERROR "kalito-inspector_en.ts has plural strings without their English forms")
endif()
list(LENGTH wanted n)
message(STATUS "${n} plural strings, each with its English forms")
