#include "editing/designgenerator.h"

#include "editing/autolayout.h"
#include "schema/schemaids.h"

#include <QHash>

#include <algorithm>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// A small linear congruential generator (Knuth's MMIX constants): the numbers depend on the seed only.
class Random {
public:
    explicit Random(quint32 seed)
        : mState(quint64(seed) * 0x9E3779B97F4A7C15ull + 1) {}
    quint32 next() {
        mState = mState * 6364136223846793005ull + 1442695040888963407ull;
        return quint32(mState >> 33);
    }
    // Uniform in [0, bound).
    int below(int bound) { return bound <= 1 ? 0 : int(next() % quint32(bound)); }

private:
    quint64 mState;
};

const char *const kNouns[] = {
    "customer", "invoice",  "product", "supplier", "warehouse", "shipment", "payment",  "account",
    "employee", "project",  "task",    "comment",  "document",  "category", "tag",      "address",
    "contract", "vehicle",  "booking", "room",     "ticket",    "event",    "venue",    "author",
    "book",     "chapter",  "review",  "course",   "lesson",    "student",  "teacher",  "grade",
    "patient",  "doctor",   "visit",   "device",   "sensor",    "reading",  "campaign", "lead",
    "team",     "member",   "role",    "license",  "release",   "feature",  "incident", "asset",
    "location", "schedule", "coupon",  "discount", "cart",      "wishlist", "playlist", "track",
    "album",    "artist",   "recipe",  "region",
};

struct FieldTemplate {
    const char *name;
    DataType type;
    bool unique = false;
};

const QList<FieldTemplate> &fieldTemplates() {
    static const QList<FieldTemplate> list{
        {"title", DataType::string(120)},
        {"description", DataType::ofKind(DataType::Kind::Text)},
        {"amount", DataType{DataType::Kind::Decimal, -1, 10, 2, {}}},
        {"quantity", DataType::integer()},
        {"active", DataType::ofKind(DataType::Kind::Boolean)},
        {"startsAt", DataType::ofKind(DataType::Kind::Date)},
        {"code", DataType::string(32), true},
        {"rating", DataType::ofKind(DataType::Kind::Float)},
        {"status", DataType{DataType::Kind::Enum, -1, -1, -1, {u"draft"_s, u"open"_s, u"closed"_s}}},
        {"email", DataType::string(160)},
        {"weight", DataType::ofKind(DataType::Kind::Double)},
        {"dueOn", DataType::ofKind(DataType::Kind::DateOnly)},
        {"settings", DataType::ofKind(DataType::Kind::Json)},
        {"externalRef", DataType::ofKind(DataType::Kind::Uuid)},
        {"position", DataType::ofKind(DataType::Kind::SmallInt)},
    };
    return list;
}

QString modelName(int index) {
    constexpr int count = int(std::size(kNouns));
    const QString noun = QString::fromLatin1(kNouns[index % count]);
    return index < count ? noun : noun + QString::number(index / count + 1);
}

Model makeModel(int index, int fieldCount) {
    Model model;
    model.name = modelName(index);
    const QList<FieldTemplate> &templates = fieldTemplates();
    for (int f = 0; f < fieldCount; ++f) {
        Field field;
        if (f == 0) {
            field.name = u"name"_s;
            field.type = DataType::string(80);
            field.allowNull = false;
        } else {
            const FieldTemplate &t = templates.at((f - 1) % templates.size());
            const int round = (f - 1) / int(templates.size());
            field.name = QString::fromLatin1(t.name) + (round ? QString::number(round + 1) : QString());
            field.type = t.type;
            field.unique = t.unique;
        }
        model.fields.append(field);
    }
    return model;
}

} // namespace

Project DesignGenerator::generate(const Options &options) {
    Project project;
    Schema &schema = project.schema;
    const int modelCount = std::max(0, options.models);
    schema.models.reserve(modelCount);
    for (int i = 0; i < modelCount; ++i)
        schema.models.append(makeModel(i, std::max(1, options.fields)));

    // Links go from an earlier model (the parent) to a later one, so that the design has layers and no
    // required cycles. Every alias, foreign key and junction name carries the link's number: unique by
    // construction, whatever the random choices.
    Random random(options.seed);
    const int linkCount = modelCount < 2 ? 0 : std::max(0, options.links);
    schema.links.reserve(linkCount);
    while (schema.links.size() < linkCount) {
        const int n = int(schema.links.size());
        const int child = 1 + random.below(modelCount - 1);
        // Mostly near neighbours (modules of related tables), sometimes anywhere before.
        const int span = random.below(4) == 0 ? child : std::min(child, 12);
        const int parent = child - 1 - random.below(span);
        const QString p = schema.models.at(parent).name;
        const QString c = schema.models.at(child).name;
        const QString key = u"%1Id%2"_s.arg(p).arg(n);
        const int kind = random.below(20);
        if (kind < 9) { // hasMany, and half the time the belongsTo that mirrors it
            schema.links.append(Link{Link::Kind::HasMany, p, c, u"%1List%2"_s.arg(c).arg(n), key});
            if (random.below(2) == 0 && schema.links.size() < linkCount)
                schema.links.append(Link{Link::Kind::BelongsTo, c, p, u"%1Of%2"_s.arg(p).arg(n), key});
        } else if (kind < 16) {
            schema.links.append(Link{Link::Kind::BelongsTo, c, p, u"%1Ref%2"_s.arg(p).arg(n), key});
        } else if (kind < 19) {
            schema.links.append(Link{Link::Kind::HasOne, p, c, u"%1One%2"_s.arg(c).arg(n), key});
        } else {
            Link link{Link::Kind::BelongsToMany, p, c, u"%1Set%2"_s.arg(c).arg(n)};
            link.through = u"%1_%2_%3"_s.arg(p, c).arg(n);
            schema.links.append(link);
        }
    }

    if (options.layout)
        project.layout.positions = AutoLayout::arrange(schema, AutoLayout::estimatedSizes(schema));
    SchemaIds::assignMissing(schema);
    return project;
}

} // namespace modeldesk
