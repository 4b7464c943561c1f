#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace modeldesk {

// A Sequelize DataTypes value with its parameters, e.g. STRING(100), DECIMAL(10,2), ENUM('a','b').
// Kept as plain data so that exporters and the save controller can map it per dialect.
struct DataType {
    Q_DECLARE_TR_FUNCTIONS(DataType)

public:
    enum class Kind {
        String,
        Char,
        Text,
        Integer,
        BigInt,
        SmallInt,
        Float,
        Double,
        Decimal,
        Boolean,
        Date,
        DateOnly,
        Time,
        Uuid,
        Enum,
        Json,
        Blob
    };

    Kind kind = Kind::String;
    int length = -1;    // STRING(n), CHAR(n); -1 = Sequelize's default (255 for STRING/CHAR)
    int precision = -1; // DECIMAL(p,s); -1 = unspecified
    int scale = -1;
    QStringList values; // ENUM

    static DataType string(int length = -1) { return {Kind::String, length, -1, -1, {}}; }
    static DataType integer() { return {Kind::Integer, -1, -1, -1, {}}; }
    static DataType ofKind(Kind kind) { return {kind, -1, -1, -1, {}}; }

    // Parses the text form used in project files: "STRING", "STRING(100)", "DECIMAL(10,2)",
    // "ENUM('new','paid')". On failure returns nullopt and sets *error to a message naming the problem.
    static std::optional<DataType> parse(const QString &text, QString *error = nullptr);
    // The canonical text form; parse(toString()) == *this.
    QString toString() const;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    static QStringList kindNames();

    // STRING and CHAR default to 255 like Sequelize.
    int effectiveLength() const { return length > 0 ? length : 255; }
    // How many characters the longest value of this type takes as text (FieldValue::toText, or the forms a
    // date takes in the entry form): STRING(32) 32, INTEGER 11 (-2147483648), DECIMAL(10,2) 12, DATE 19,
    // UUID 36, an ENUM its longest value. -1 for the unbounded ones: TEXT, JSON, BLOB. What an editor's
    // width is sized to.
    int maxTextLength() const;
    bool isIntegral() const {
        return kind == Kind::Integer || kind == Kind::BigInt || kind == Kind::SmallInt;
    }
    bool isNumeric() const {
        return isIntegral() || kind == Kind::Float || kind == Kind::Double || kind == Kind::Decimal;
    }

    friend bool operator==(const DataType &, const DataType &) = default;
};

} // namespace modeldesk
