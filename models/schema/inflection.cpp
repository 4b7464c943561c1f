// Sequelize derives table names, foreign keys and attribute names from model names with its own word
// functions: Utils.pluralize / Utils.singularize / Utils.underscore call the npm package `inflection`
// (1.13.4, the version Sequelize 6.37 depends on) and Utils.camelize is a one-line regex replace in
// Sequelize's lib/utils.js. ModelDesk has to produce the very same names, quirks included, or the schema it
// exports would not match what Sequelize expects at run time. So this is a faithful port of those rules:
// the uncountable words, the ordered plural/singular rule lists with their "already in that form" guards
// and the first-match-wins application are inflection 1.13.4's; only the JS regex semantics are adapted.
// tests/data/inflection/sequelize-reference.tsv (made by scripts/gen-inflection-table.js from the real
// packages) pins the behaviour.

#include "schema/inflection.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <vector>

namespace modeldesk::inflection {

using namespace Qt::StringLiterals;

namespace {

// The library's rules are JavaScript regexes with the `i` flag and no `u` flag. For these ASCII-only
// patterns JS folds case within ASCII only, while PCRE's caseless mode would also let `s` match U+017F and
// `k` the Kelvin sign; so every letter becomes an explicit two-case set instead. JS `$` matches only at
// the very end, PCRE's also before a final newline; so `$` becomes `\z`. The patterns use no escapes.
QRegularExpression jsPattern(QStringView pattern) {
    QString out;
    bool inSet = false;
    for (const QChar c : pattern) {
        const char16_t u = c.unicode();
        const bool lower = u >= u'a' && u <= u'z';
        const bool upper = u >= u'A' && u <= u'Z';
        const QChar otherCase(char16_t(lower ? u - 0x20 : u + 0x20));
        if (inSet) {
            out += c;
            if (lower || upper)
                out += otherCase;
            else if (u == u']')
                inSet = false;
        } else if (lower || upper) {
            out += u'[';
            out += c;
            out += otherCase;
            out += u']';
        } else if (u == u'[') {
            inSet = true;
            out += c;
        } else if (u == u'$') {
            out += u"\\z";
        } else {
            out += c;
        }
    }
    QRegularExpression re(out);
    Q_ASSERT(re.isValid());
    re.optimize();
    return re;
}

// Patterns that recognise a plural form (used as guards by pluralize, rewritten by singularize).
struct PluralForms {
    QRegularExpression men = jsPattern(u"^(m|wom)en$");
    QRegularExpression people = jsPattern(u"(pe)ople$");
    QRegularExpression children = jsPattern(u"(child)ren$");
    QRegularExpression tia = jsPattern(u"([ti])a$");
    QRegularExpression analyses = jsPattern(u"((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$");
    QRegularExpression databases = jsPattern(u"(database)s$");
    QRegularExpression drives = jsPattern(u"(drive)s$");
    QRegularExpression hives = jsPattern(u"(hi|ti)ves$");
    QRegularExpression curves = jsPattern(u"(curve)s$");
    QRegularExpression lrves = jsPattern(u"([lr])ves$");
    QRegularExpression aves = jsPattern(u"([a])ves$");
    QRegularExpression foves = jsPattern(u"([^fo])ves$");
    QRegularExpression movies = jsPattern(u"(m)ovies$");
    QRegularExpression aeiouyies = jsPattern(u"([^aeiouy]|qu)ies$");
    QRegularExpression series = jsPattern(u"(s)eries$");
    QRegularExpression xes = jsPattern(u"(x|ch|ss|sh)es$");
    QRegularExpression mice = jsPattern(u"([m|l])ice$"); // sic: the set also holds '|'
    QRegularExpression buses = jsPattern(u"(bus)es$");
    QRegularExpression oes = jsPattern(u"(o)es$");
    QRegularExpression shoes = jsPattern(u"(shoe)s$");
    QRegularExpression crises = jsPattern(u"(cris|ax|test)es$");
    QRegularExpression octopuses = jsPattern(u"(octop|vir)uses$");
    QRegularExpression aliases = jsPattern(u"(alias|canvas|status|campus)es$");
    QRegularExpression summonses = jsPattern(u"^(summons|bonus)es$");
    QRegularExpression oxen = jsPattern(u"^(ox)en"); // sic: anchored at the start only
    QRegularExpression matrices = jsPattern(u"(matr)ices$");
    QRegularExpression vertices = jsPattern(u"(vert|ind)ices$");
    QRegularExpression feet = jsPattern(u"^feet$");
    QRegularExpression teeth = jsPattern(u"^teeth$");
    QRegularExpression geese = jsPattern(u"^geese$");
    QRegularExpression quizzes = jsPattern(u"(quiz)zes$");
    QRegularExpression whereases = jsPattern(u"^(whereas)es$");
    QRegularExpression criteria = jsPattern(u"^(criteri)a$");
    QRegularExpression genera = jsPattern(u"^genera$");
    QRegularExpression ss = jsPattern(u"ss$");
    QRegularExpression s = jsPattern(u"s$");
};

// Patterns that recognise a singular form (used as guards by singularize, rewritten by pluralize).
struct SingularForms {
    QRegularExpression man = jsPattern(u"^(m|wom)an$");
    QRegularExpression person = jsPattern(u"(pe)rson$");
    QRegularExpression child = jsPattern(u"(child)$");
    QRegularExpression drive = jsPattern(u"(drive)$");
    QRegularExpression ox = jsPattern(u"^(ox)$");
    QRegularExpression axis = jsPattern(u"(ax|test)is$");
    QRegularExpression octopus = jsPattern(u"(octop|vir)us$");
    QRegularExpression alias = jsPattern(u"(alias|status|canvas|campus)$");
    QRegularExpression summons = jsPattern(u"^(summons|bonus)$");
    QRegularExpression bus = jsPattern(u"(bu)s$");
    QRegularExpression buffalo = jsPattern(u"(buffal|tomat|potat)o$");
    QRegularExpression tium = jsPattern(u"([ti])um$");
    QRegularExpression sis = jsPattern(u"sis$");
    QRegularExpression ffe = jsPattern(u"(?:([^f])fe|([lr])f)$");
    QRegularExpression hive = jsPattern(u"(hi|ti)ve$");
    QRegularExpression aeiouyy = jsPattern(u"([^aeiouy]|qu)y$");
    QRegularExpression x = jsPattern(u"(x|ch|ss|sh)$");
    QRegularExpression matrix = jsPattern(u"(matr)ix$");
    QRegularExpression vertex = jsPattern(u"(vert|ind)ex$");
    QRegularExpression mouse = jsPattern(u"([m|l])ouse$");
    QRegularExpression foot = jsPattern(u"^foot$");
    QRegularExpression tooth = jsPattern(u"^tooth$");
    QRegularExpression goose = jsPattern(u"^goose$");
    QRegularExpression quiz = jsPattern(u"(quiz)$");
    QRegularExpression whereas = jsPattern(u"^(whereas)$");
    QRegularExpression criterion = jsPattern(u"^(criteri)on$");
    QRegularExpression genus = jsPattern(u"^genus$");
    QRegularExpression s = jsPattern(u"s$");
    QRegularExpression common = jsPattern(u"$");
};

const PluralForms &pluralForms() {
    static const PluralForms forms;
    return forms;
}

const SingularForms &singularForms() {
    static const SingularForms forms;
    return forms;
}

// A rule without a replacement is a guard: the word already has the wanted form and is returned as is.
struct Rule {
    const QRegularExpression *pattern;
    const char16_t *replacement = nullptr;
};

const std::vector<Rule> &pluralRules() {
    static const std::vector<Rule> rules = [] {
        const PluralForms &p = pluralForms();
        const SingularForms &s = singularForms();
        return std::vector<Rule>{
            {&p.men},
            {&p.people},
            {&p.children},
            {&p.tia},
            {&p.analyses},
            {&p.databases},
            {&p.drives},
            {&p.hives},
            {&p.curves},
            {&p.lrves},
            {&p.foves},
            {&p.aeiouyies},
            {&p.series},
            {&p.movies},
            {&p.xes},
            {&p.mice},
            {&p.buses},
            {&p.oes},
            {&p.shoes},
            {&p.crises},
            {&p.octopuses},
            {&p.aliases},
            {&p.summonses},
            {&p.oxen},
            {&p.matrices},
            {&p.feet},
            {&p.teeth},
            {&p.geese},
            {&p.quizzes},
            {&p.whereases},
            {&p.criteria},
            {&p.genera},

            {&s.man, u"$1en"},
            {&s.person, u"$1ople"},
            {&s.child, u"$1ren"},
            {&s.drive, u"$1s"},
            {&s.ox, u"$1en"},
            {&s.axis, u"$1es"},
            {&s.octopus, u"$1uses"},
            {&s.alias, u"$1es"},
            {&s.summons, u"$1es"},
            {&s.bus, u"$1ses"},
            {&s.buffalo, u"$1oes"},
            {&s.tium, u"$1a"},
            {&s.sis, u"ses"},
            {&s.ffe, u"$1$2ves"},
            {&s.hive, u"$1ves"},
            {&s.aeiouyy, u"$1ies"},
            {&s.matrix, u"$1ices"},
            {&s.vertex, u"$1ices"},
            {&s.x, u"$1es"},
            {&s.mouse, u"$1ice"},
            {&s.foot, u"feet"},
            {&s.tooth, u"teeth"},
            {&s.goose, u"geese"},
            {&s.quiz, u"$1zes"},
            {&s.whereas, u"$1es"},
            {&s.criterion, u"$1a"},
            {&s.genus, u"genera"},

            {&s.s, u"s"},
            {&s.common, u"s"},
        };
    }();
    return rules;
}

const std::vector<Rule> &singularRules() {
    static const std::vector<Rule> rules = [] {
        const PluralForms &p = pluralForms();
        const SingularForms &s = singularForms();
        return std::vector<Rule>{
            {&s.man},
            {&s.person},
            {&s.child},
            {&s.drive},
            {&s.ox},
            {&s.axis},
            {&s.octopus},
            {&s.alias},
            {&s.summons},
            {&s.bus},
            {&s.buffalo},
            {&s.tium},
            {&s.sis},
            {&s.ffe},
            {&s.hive},
            {&s.aeiouyy},
            {&s.x},
            {&s.matrix},
            {&s.mouse},
            {&s.foot},
            {&s.tooth},
            {&s.goose},
            {&s.quiz},
            {&s.whereas},
            {&s.criterion},
            {&s.genus},

            {&p.men, u"$1an"},
            {&p.people, u"$1rson"},
            {&p.children, u"$1"},
            {&p.databases, u"$1"},
            {&p.drives, u"$1"},
            {&p.genera, u"genus"},
            {&p.criteria, u"$1on"},
            {&p.tia, u"$1um"},
            {&p.analyses, u"$1$2sis"},
            {&p.hives, u"$1ve"},
            {&p.curves, u"$1"},
            {&p.lrves, u"$1f"},
            {&p.aves, u"$1ve"},
            {&p.foves, u"$1fe"},
            {&p.movies, u"$1ovie"},
            {&p.aeiouyies, u"$1y"},
            {&p.series, u"$1eries"},
            {&p.xes, u"$1"},
            {&p.mice, u"$1ouse"},
            {&p.buses, u"$1"},
            {&p.oes, u"$1"},
            {&p.shoes, u"$1"},
            {&p.crises, u"$1is"},
            {&p.octopuses, u"$1us"},
            {&p.aliases, u"$1"},
            {&p.summonses, u"$1"},
            {&p.oxen, u"$1"},
            {&p.matrices, u"$1ix"},
            {&p.vertices, u"$1ex"},
            {&p.feet, u"foot"},
            {&p.teeth, u"tooth"},
            {&p.geese, u"goose"},
            {&p.quizzes, u"$1"},
            {&p.whereases, u"$1"},

            {&p.ss, u"ss"},
            {&p.s, u""},
        };
    }();
    return rules;
}

// Words left alone by both directions; compared with the whole word lower-cased.
bool isUncountable(const QString &word) {
    static const QSet<QString> words = [] {
        const QString list =
            u"accommodation adulthood advertising advice aggression aid air aircraft alcohol anger "
            u"applause arithmetic assistance athletics bacon baggage beef biology blood botany bread "
            u"butter carbon cardboard cash chalk chaos chess crossroads countryside dancing deer "
            u"dignity dirt dust economics education electricity engineering enjoyment envy equipment "
            u"ethics evidence evolution fame fiction flour flu food fuel fun furniture gallows garbage "
            u"garlic genetics gold golf gossip gratitude grief guilt gymnastics happiness hardware "
            u"harm hate hatred health heat help homework honesty honey hospitality housework humour "
            u"hunger hydrogen ice importance inflation information innocence iron irony jam jewelry "
            u"judo karate knowledge lack laughter lava leather leisure lightning linguine linguini "
            u"linguistics literature litter livestock logic loneliness luck luggage macaroni machinery "
            u"magic management mankind marble mathematics mayonnaise measles methane milk minus money "
            u"mud music mumps nature news nitrogen nonsense nurture nutrition obedience obesity oxygen "
            u"pasta patience physics poetry pollution poverty pride psychology publicity punctuation "
            u"quartz racism relaxation reliability research respect revenge rice rubbish rum safety "
            u"scenery seafood seaside series shame sheep shopping sleep smoke smoking snow soap "
            u"software soil spaghetti species steam stuff stupidity sunshine symmetry tennis thirst "
            u"thunder timber traffic transportation trust underwear unemployment unity validity veal "
            u"vegetation vegetarianism vengeance violence vitality warmth wealth weather welfare wheat "
            u"wildlife wisdom yoga zinc zoology"_s;
        const QStringList split = list.split(u' ');
        return QSet<QString>(split.begin(), split.end());
    }();
    // Only the ASCII list is looked up, so JS toLowerCase's final-sigma rule makes no difference here.
    return words.contains(word.toLower());
}

// JS String.prototype.replace's `$n` (the only substitution the rules use); an unmatched group gives "".
QString substitute(const char16_t *replacement, const QRegularExpressionMatch &match, int groupCount) {
    const QStringView text(replacement);
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'$' && i + 1 < text.size()) {
            const int group = text[i + 1].digitValue();
            if (group >= 1 && group <= groupCount) {
                out += match.captured(group);
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// Unless the word is uncountable, the first rule that matches decides: a guard keeps the word, any other
// rule rewrites the match. Every pattern is anchored (at the end, or `^(ox)en` at the start), so it matches
// at most once and JS's global replace amounts to a single substitution.
QString applyRules(const QString &word, const std::vector<Rule> &rules) {
    if (isUncountable(word))
        return word;
    for (const Rule &rule : rules) {
        const QRegularExpressionMatch match = rule.pattern->match(word);
        if (!match.hasMatch())
            continue;
        if (!rule.replacement)
            return word;
        QString out = word;
        out.replace(match.capturedStart(), match.capturedLength(),
                    substitute(rule.replacement, match, rule.pattern->captureCount()));
        return out;
    }
    return word;
}

// A design derives every table name, alias and key from the same few model names, again for each export,
// validation and redraw; the rules are dozens of regexes per word, so each word's result is kept (per rule
// list, thread-safe, bounded).
QString rememberedRules(const QString &word, const std::vector<Rule> &rules) {
    static QMutex mutex;
    static QHash<const void *, QHash<QString, QString>> results;
    {
        const QMutexLocker lock(&mutex);
        const QHash<QString, QString> &known = results[&rules];
        if (const auto it = known.constFind(word); it != known.cend())
            return *it;
    }
    const QString result = applyRules(word, rules);
    const QMutexLocker lock(&mutex);
    QHash<QString, QString> &known = results[&rules];
    if (known.size() > 100000)
        known.clear();
    known.insert(word, result);
    return result;
}

// Unicode's Case_Ignorable: categories Mn, Me, Cf, Lm, Sk and Word_Break MidLetter/MidNumLet/Single_Quote.
bool isCaseIgnorable(char32_t c) {
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
    case QChar::Letter_Modifier:
    case QChar::Symbol_Modifier:
        return true;
    default:
        break;
    }
    switch (c) {
    case 0x0027:
    case 0x002E:
    case 0x003A:
    case 0x00B7:
    case 0x0387:
    case 0x055F:
    case 0x05F4:
    case 0x2018:
    case 0x2019:
    case 0x2024:
    case 0x2027:
    case 0xFE13:
    case 0xFE52:
    case 0xFE55:
    case 0xFF07:
    case 0xFF0E:
    case 0xFF1A:
        return true;
    default:
        return false;
    }
}

bool isCased(char32_t c) {
    return QChar::isLower(c) || QChar::isUpper(c) || QChar::isTitleCase(c);
}

// Unicode's Final_Sigma condition for the capital sigma at `pos`: a cased letter before it and none after
// it, skipping case-ignorable characters on both sides.
bool isFinalSigma(QStringView s, qsizetype pos) {
    bool casedBefore = false;
    for (qsizetype i = pos; i > 0;) {
        char32_t c = s[--i].unicode();
        if (QChar::isLowSurrogate(c) && i > 0 && s[i - 1].isHighSurrogate())
            c = QChar::surrogateToUcs4(s[i - 1], s[i]), --i;
        if (!isCaseIgnorable(c)) {
            casedBefore = isCased(c);
            break;
        }
    }
    if (!casedBefore)
        return false;
    for (qsizetype i = pos + 1; i < s.size(); ++i) {
        char32_t c = s[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < s.size() && s[i + 1].isLowSurrogate())
            c = QChar::surrogateToUcs4(s[i], s[i + 1]), ++i;
        if (!isCaseIgnorable(c))
            return !isCased(c);
    }
    return true;
}

// JS String.prototype.toLowerCase(): QString::toLower() plus the one context-dependent mapping JS applies
// and Qt does not (a word-final capital sigma becomes U+03C2, not U+03C3).
QString jsToLower(const QString &s) {
    constexpr char16_t capitalSigma = 0x03A3;
    if (!s.contains(QChar(capitalSigma)))
        return s.toLower();
    QString out;
    qsizetype from = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] != QChar(capitalSigma))
            continue;
        out += s.mid(from, i - from).toLower();
        out += QChar(isFinalSigma(s, i) ? char16_t(0x03C2) : char16_t(0x03C3));
        from = i + 1;
    }
    out += s.mid(from).toLower();
    return out;
}

// JS's \s and the set String.prototype.trim() removes: WhiteSpace (incl. U+FEFF and every Zs) and
// LineTerminator. Unlike QChar::isSpace() it excludes U+0085.
bool isJsSpace(char16_t c) {
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

bool isCamelizeSeparator(char16_t c) {
    return c == u'-' || c == u'_' || isJsSpace(c);
}

} // namespace

QString pluralize(const QString &word) {
    return rememberedRules(word, pluralRules());
}

QString singularize(const QString &word) {
    return rememberedRules(word, singularRules());
}

// inflection.underscore: per "::" segment, '_' before every ASCII capital and one leading '_' dropped (so
// "_private" loses its underscore), segments joined with '/', everything lower-cased.
QString underscore(const QString &word) {
    QStringList segments;
    for (const QString &segment : word.split(u"::"_s)) {
        QString out;
        out.reserve(segment.size() + 4);
        for (const QChar c : segment) {
            if (c.unicode() >= u'A' && c.unicode() <= u'Z')
                out += u'_';
            out += c;
        }
        if (out.startsWith(u'_'))
            out.remove(0, 1);
        segments += out;
    }
    return jsToLower(segments.join(u'/'));
}

// Utils.camelize: trim, then each run of '-', '_' and whitespace is dropped and the UTF-16 code unit after
// it upper-cased. Where the run ends the string, Sequelize throws a TypeError (it upper-cases an undefined
// group); here the run is just dropped.
QString camelize(const QString &word) {
    qsizetype begin = 0;
    qsizetype end = word.size();
    while (begin < end && isJsSpace(word[begin].unicode()))
        ++begin;
    while (end > begin && isJsSpace(word[end - 1].unicode()))
        --end;

    QString out;
    out.reserve(end - begin);
    for (qsizetype i = begin; i < end;) {
        if (!isCamelizeSeparator(word[i].unicode())) {
            out += word[i++];
            continue;
        }
        while (i < end && isCamelizeSeparator(word[i].unicode()))
            ++i;
        // Every line terminator is also a separator, so JS's `(.)` takes whatever code unit follows.
        if (i < end)
            out += QString(word[i++]).toUpper();
    }
    return out;
}

} // namespace modeldesk::inflection
