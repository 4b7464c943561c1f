#pragma once

#include <ctime>

// The CPU time this process has used so far (user + system), in seconds. The bench reports it per save beside
// the wall-clock rate: on a loopback server the round trip is shared, so the client's own CPU is what differs
// between hand-written code and the controller.
inline double processCpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}
