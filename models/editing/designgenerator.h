#pragma once

#include "project/project.h"

namespace modeldesk {

// Writes synthetic designs of any size (N models × F fields with L links) for benchmarks and for trying the
// designer on big schemas. Deterministic: the same options always give the same project, on every platform
// (its own random mapping, not std:: distributions, whose output differs between standard libraries). The
// designs validate without errors, so every export accepts them, and come laid out by AutoLayout.
class DesignGenerator {
public:
    struct Options {
        int models = 100;
        int fields = 10;
        int links = 150;
        quint32 seed = 1;
        bool layout = true;
    };

    static Project generate(const Options &options);
};

} // namespace modeldesk
