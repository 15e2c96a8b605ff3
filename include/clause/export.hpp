// CLAUSE_API marks what libclause exports: the library is built with every other symbol
// hidden, so a program or a Python module that loads it sees only this API.
#pragma once

#define CLAUSE_API __attribute__((visibility("default")))
