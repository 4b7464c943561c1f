// native_bulk: what `modeldesk save seed.modeldesk --db sqlite:FILE --model testUser --jsonl FILE` does,
// hand-written against the sqlite3 C API and stdio, as the lower bound of a bulk import's whole process:
// read each line, parse its JSON object, BEGIN IMMEDIATE, insert the testUser and its user_test, COMMIT
// (one transaction per graph), and print the saved graph as one compact JSON line (with --quiet, nothing).
// Same pragmas as ModelDesk's connection (WAL, synchronous FULL, foreign keys, busy timeout). The tables must
// exist (bench/run syncs them with modeldesk). It checks nothing a user could get wrong: no validation.
//   native_bulk DB JSONL [--quiet]
// No Qt here on purpose: this is the C program the CLI is measured against.

#include <sqlite3.h>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

namespace {

// A flat parse of {"key":"text",...,"key":{...}}: string members, one level of nested objects (the seed's
// user_test). Enough for the bench's generated lines, which hold nothing else.
struct Member {
    std::string key;
    std::string text;
    std::vector<std::pair<std::string, std::string>> object; // when the value is an object
};

bool parseString(const char *&p, std::string *out) {
    if (*p != '"')
        return false;
    ++p;
    out->clear();
    while (*p && *p != '"') {
        if (*p == '\\' && p[1]) {
            ++p;
            switch (*p) {
            case 'n':
                out->push_back('\n');
                break;
            case 't':
                out->push_back('\t');
                break;
            default:
                out->push_back(*p);
            }
            ++p;
        } else {
            out->push_back(*p++);
        }
    }
    if (*p != '"')
        return false;
    ++p;
    return true;
}

void skipSpace(const char *&p) {
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        ++p;
}

bool parseFlatObject(const char *&p, std::vector<std::pair<std::string, std::string>> *members,
                     std::vector<Member> *nested) {
    skipSpace(p);
    if (*p != '{')
        return false;
    ++p;
    skipSpace(p);
    while (*p && *p != '}') {
        Member m;
        if (!parseString(p, &m.key))
            return false;
        skipSpace(p);
        if (*p++ != ':')
            return false;
        skipSpace(p);
        if (*p == '{' && nested) {
            if (!parseFlatObject(p, &m.object, nullptr))
                return false;
            nested->push_back(std::move(m));
        } else if (parseString(p, &m.text)) {
            members->emplace_back(std::move(m.key), std::move(m.text));
        } else {
            return false;
        }
        skipSpace(p);
        if (*p == ',')
            ++p;
        skipSpace(p);
    }
    if (*p != '}')
        return false;
    ++p;
    return true;
}

const std::string *find(const std::vector<std::pair<std::string, std::string>> &members, const char *key) {
    for (const auto &[k, v] : members)
        if (k == key)
            return &v;
    return nullptr;
}

void appendJsonString(std::string *out, const std::string &text) {
    out->push_back('"');
    for (char c : text) {
        if (c == '"' || c == '\\')
            out->push_back('\\');
        out->push_back(c);
    }
    out->push_back('"');
}

void bindText(sqlite3_stmt *s, int i, const std::string *text) {
    if (text)
        sqlite3_bind_text(s, i, text->data(), int(text->size()), SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

} // namespace

int main(int argc, char **argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: native_bulk DB JSONL [--quiet]\n");
        return 2;
    }
    const bool quiet = argc > 3 && std::strcmp(argv[3], "--quiet") == 0;
    sqlite3 *db = nullptr;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
        std::fprintf(stderr, "native_bulk: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "PRAGMA synchronous = FULL", nullptr, nullptr, nullptr);
    sqlite3_busy_timeout(db, 10000);
    sqlite3_stmt *begin = nullptr, *commit = nullptr, *parent = nullptr, *child = nullptr;
    sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, nullptr);
    sqlite3_prepare_v2(db, "COMMIT", -1, &commit, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO \"testUsers\" (\"name\",\"email\",\"createdAt\",\"updatedAt\") "
                       "VALUES (?,?,?,?)",
                       -1, &parent, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO \"tests\" (\"code\",\"userId\",\"createdAt\",\"updatedAt\") "
                       "VALUES (?,?,?,?)",
                       -1, &child, nullptr);
    if (!begin || !commit || !parent || !child) {
        std::fprintf(stderr, "native_bulk: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    std::FILE *input = std::fopen(argv[2], "r");
    if (!input) {
        std::perror(argv[2]);
        return 1;
    }
    static char outputBuffer[1 << 16];
    std::setvbuf(stdout, outputBuffer, _IOFBF, sizeof outputBuffer);
    char *line = nullptr;
    size_t capacity = 0;
    long saved = 0, failed = 0;
    std::string out;
    std::vector<std::pair<std::string, std::string>> members;
    std::vector<Member> nested;
    while (getline(&line, &capacity, input) > 0) {
        members.clear();
        nested.clear();
        const char *p = line;
        if (!parseFlatObject(p, &members, &nested)) {
            ++failed;
            continue;
        }
        // The save's timestamp as ModelDesk writes it to SQLite, and as it returns it in JSON.
        timespec now{};
        clock_gettime(CLOCK_REALTIME, &now);
        tm utc{};
        gmtime_r(&now.tv_sec, &utc);
        char stored[64], returned[64];
        const int ms = int(now.tv_nsec / 1000000);
        std::snprintf(stored, sizeof stored, "%04d-%02d-%02d %02d:%02d:%02d.%03d +00:00", utc.tm_year + 1900,
                      utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, ms);
        std::snprintf(returned, sizeof returned, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                      utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, ms);
        const std::string *name = find(members, "name");
        const std::string *email = find(members, "email");
        const Member *test = nullptr;
        for (const Member &m : nested)
            if (m.key == "user_test")
                test = &m;
        bool ok = sqlite3_step(begin) == SQLITE_DONE;
        sqlite3_reset(begin);
        bindText(parent, 1, name);
        bindText(parent, 2, email);
        sqlite3_bind_text(parent, 3, stored, -1, SQLITE_STATIC);
        sqlite3_bind_text(parent, 4, stored, -1, SQLITE_STATIC);
        ok = ok && sqlite3_step(parent) == SQLITE_DONE;
        sqlite3_reset(parent);
        const sqlite3_int64 id = sqlite3_last_insert_rowid(db);
        sqlite3_int64 childId = 0;
        const std::string *code = test ? find(test->object, "code") : nullptr;
        if (ok && test) {
            bindText(child, 1, code);
            sqlite3_bind_int64(child, 2, id);
            sqlite3_bind_text(child, 3, stored, -1, SQLITE_STATIC);
            sqlite3_bind_text(child, 4, stored, -1, SQLITE_STATIC);
            ok = sqlite3_step(child) == SQLITE_DONE;
            sqlite3_reset(child);
            childId = sqlite3_last_insert_rowid(db);
        }
        ok = ok && sqlite3_step(commit) == SQLITE_DONE;
        sqlite3_reset(commit);
        if (!ok) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            std::fprintf(stderr, "native_bulk: %s\n", sqlite3_errmsg(db));
            ++failed;
            continue;
        }
        ++saved;
        if (quiet)
            continue;
        // The saved graph, members in the order ModelDesk prints them.
        out.clear();
        out += "{\"createdAt\":\"";
        out += returned;
        out += "\",\"email\":";
        appendJsonString(&out, email ? *email : std::string());
        out += ",\"id\":" + std::to_string(id) + ",\"name\":";
        appendJsonString(&out, name ? *name : std::string());
        out += ",\"updatedAt\":\"";
        out += returned;
        out += '"';
        if (test) {
            out += ",\"user_test\":{\"code\":";
            appendJsonString(&out, code ? *code : std::string());
            out += ",\"createdAt\":\"";
            out += returned;
            out += "\",\"id\":" + std::to_string(childId) + ",\"updatedAt\":\"";
            out += returned;
            out += "\",\"userId\":" + std::to_string(id) + "}";
        }
        out += "}\n";
        std::fwrite(out.data(), 1, out.size(), stdout);
    }
    std::fflush(stdout);
    std::free(line);
    std::fclose(input);
    for (sqlite3_stmt *s : {begin, commit, parent, child})
        sqlite3_finalize(s);
    sqlite3_close(db);
    std::fprintf(stderr, "native_bulk: saved %ld, failed %ld\n", saved, failed);
    return failed == 0 ? 0 : 1;
}
