# cmake -DIN=file -DOUT=file.cpp -DNAME=symbol -DNS=namespace -P embed.cmake
# Writes the bytes of IN as `extern const unsigned char NAME[]` (and NAME + Size).
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" len)
math(EXPR size "${len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){24})" "\\1\n  " bytes "${bytes}")
file(WRITE "${OUT}.tmp" "// Generated from ${IN} by cmake/embed.cmake. Do not edit.\n#include <cstddef>\nnamespace ${NS} {\n"
     "extern const unsigned char ${NAME}[] = {\n  ${bytes}0x00};\nextern const std::size_t ${NAME}Size = ${size};\n}\n")
file(RENAME "${OUT}.tmp" "${OUT}")
