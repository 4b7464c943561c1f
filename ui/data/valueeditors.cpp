#include "data/valueeditors.h"

#include "schema/fieldvalue.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QUuid>
#include <algorithm>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QString placeholderFor(const Field &field) {
    QStringList hints;
    if (field.autoIncrement)
        hints << QObject::tr("generated");
    else if (field.hasDefault()) {
        const QJsonValue d = field.defaultValue;
        if (d.isObject())
            hints << QObject::tr("default: %1").arg(d.toObject().value(u"fn"_s).toString());
        else if (d.isString())
            hints << QObject::tr("default: %1").arg(d.toString());
        else if (d.isDouble())
            hints << QObject::tr("default: %1").arg(d.toDouble());
    }
    if (hints.isEmpty() && field.isNullable())
        hints << QObject::tr("optional");
    return hints.join(u", "_s);
}

} // namespace

LineValueEditor::LineValueEditor(const Field &field, QWidget *parent)
    : ValueEditor(field, parent)
    , mEdit(new QLineEdit(this)) {
    using K = DataType::Kind;
    const DataType &t = field.type;
    mEdit->setObjectName(u"input"_s);
    mEdit->setPlaceholderText(placeholderFor(field));
    if (t.kind == K::String || t.kind == K::Char)
        mEdit->setMaxLength(t.effectiveLength());
    if (t.isIntegral())
        mEdit->setValidator(new QRegularExpressionValidator(QRegularExpression(u"^-?\\d{0,20}$"_s), mEdit));
    else if (t.kind == K::Decimal || t.kind == K::Float || t.kind == K::Double)
        mEdit->setValidator(new QRegularExpressionValidator(
            QRegularExpression(u"^-?\\d*(\\.\\d*)?([eE][-+]?\\d*)?$"_s), mEdit));
    connect(mEdit, &QLineEdit::textEdited, this, &ValueEditor::emitEdited);
    // As wide as the type's longest value, and at least as its hint.
    const int length = t.maxTextLength() < 0 ? kMaxChars : t.maxTextLength();
    const int chars =
        std::clamp(std::max(length, int(mEdit->placeholderText().size()) + 1), kMinChars, kMaxChars);
    mEdit->setMaximumWidth(widthForChars(chars, t.isNumeric() || t.kind == K::Uuid));
    if (t.kind == K::Uuid) {
        auto *row = new QWidget(this);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(mEdit);
        auto *generate = new QPushButton(tr("Generate"), row);
        generate->setObjectName(u"generate"_s);
        generate->setToolTip(tr("Fill in a new random UUID (version 4)"));
        connect(generate, &QPushButton::clicked, this, [this] {
            mEdit->setText(QUuid::createUuid().toString(QUuid::WithoutBraces));
            emitEdited();
        });
        layout->addWidget(generate);
        row->setMaximumWidth(mEdit->maximumWidth() + layout->spacing() + generate->sizeHint().width());
        setInput(row);
    } else {
        setInput(mEdit);
    }
}

QJsonValue LineValueEditor::value() const {
    return FieldValue::fromText(field().type, mEdit->text()); // DECIMAL stays exact text
}

void LineValueEditor::setValue(const QJsonValue &value) {
    if (value.isNull() || value.isUndefined())
        mEdit->clear();
    else
        mEdit->setText(FieldValue::toText(value));
    setProblem({});
}

QWidget *LineValueEditor::focusTarget() const {
    return mEdit;
}

MultiLineEditor::MultiLineEditor(const Field &field, QWidget *parent)
    : ValueEditor(field, parent)
    , mEdit(new QPlainTextEdit(this)) {
    mEdit->setObjectName(u"input"_s);
    mEdit->setPlaceholderText(field.type.kind == DataType::Kind::Json ? tr("JSON, e.g. {\"key\": 1}")
                                                                      : placeholderFor(field));
    mEdit->setTabChangesFocus(true);
    mEdit->setFixedHeight(fontMetrics().lineSpacing() * 4 + 12); // four lines, then it scrolls
    mEdit->setMaximumWidth(widthForChars(kMaxChars));
    connect(mEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (mEdit->hasFocus())
            emitEdited();
    });
    setInput(mEdit);
}

QJsonValue MultiLineEditor::value() const {
    const QString text = mEdit->toPlainText();
    if (text.trimmed().isEmpty())
        return QJsonValue(QJsonValue::Null);
    if (field().type.kind == DataType::Kind::Json) {
        QJsonParseError error;
        // Wrapping lets any JSON value (not only objects) through QJsonDocument.
        const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toUtf8() + "]", &error);
        if (error.error == QJsonParseError::NoError && doc.isArray())
            return doc.array().at(0);
        return text; // the check reports it as invalid JSON
    }
    return text;
}

void MultiLineEditor::setValue(const QJsonValue &value) {
    if (value.isNull() || value.isUndefined())
        mEdit->clear();
    else if (value.isString() && field().type.kind != DataType::Kind::Json)
        mEdit->setPlainText(value.toString());
    else if (value.isString())
        mEdit->setPlainText(value.toString());
    else
        mEdit->setPlainText(QString::fromUtf8(
            QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1)));
    setProblem({});
}

QWidget *MultiLineEditor::focusTarget() const {
    return mEdit;
}

BooleanEditor::BooleanEditor(const Field &field, QWidget *parent)
    : ValueEditor(field, parent)
    , mBox(new QCheckBox(this)) {
    mBox->setObjectName(u"input"_s);
    mBox->setTristate(field.isNullable());
    mBox->setCheckState(field.isNullable() ? Qt::PartiallyChecked : Qt::Unchecked);
    mBox->setToolTip(field.isNullable() ? tr("Partially checked means no value (NULL)") : QString());
    connect(mBox, &QCheckBox::clicked, this, &ValueEditor::emitEdited);
    setInput(mBox);
}

QJsonValue BooleanEditor::value() const {
    switch (mBox->checkState()) {
    case Qt::Checked:
        return true;
    case Qt::Unchecked:
        return false;
    default:
        return QJsonValue(QJsonValue::Null);
    }
}

void BooleanEditor::setValue(const QJsonValue &value) {
    if (value.isBool())
        mBox->setCheckState(value.toBool() ? Qt::Checked : Qt::Unchecked);
    else
        mBox->setCheckState(mBox->isTristate() ? Qt::PartiallyChecked : Qt::Unchecked);
    setProblem({});
}

QWidget *BooleanEditor::focusTarget() const {
    return mBox;
}

EnumEditor::EnumEditor(const Field &field, QWidget *parent)
    : ValueEditor(field, parent)
    , mCombo(new QComboBox(this)) {
    mCombo->setObjectName(u"input"_s);
    mCombo->addItem(field.isNullable() || field.hasDefault() ? tr("(none)") : tr("(choose)"));
    mCombo->addItems(field.type.values);
    if (field.defaultValue.isString())
        mCombo->setCurrentText(field.defaultValue.toString());
    connect(mCombo, &QComboBox::activated, this, &ValueEditor::emitEdited);
    mCombo->setMaximumWidth(std::max(mCombo->sizeHint().width(), widthForChars(kMinChars)));
    setInput(mCombo);
}

QJsonValue EnumEditor::value() const {
    return mCombo->currentIndex() <= 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(mCombo->currentText());
}

void EnumEditor::setValue(const QJsonValue &value) {
    const int index = value.isString() ? mCombo->findText(value.toString()) : 0;
    mCombo->setCurrentIndex(std::max(index, 0));
    setProblem({});
}

QWidget *EnumEditor::focusTarget() const {
    return mCombo;
}

DateTimeEditor::DateTimeEditor(const Field &field, QWidget *parent)
    : ValueEditor(field, parent)
    , mSet(new QCheckBox(this))
    , mEdit(new QDateTimeEdit(this)) {
    using K = DataType::Kind;
    mEdit->setObjectName(u"input"_s);
    mSet->setObjectName(u"hasValue"_s);
    mSet->setToolTip(tr("Unchecked: no value (NULL), or the default"));
    mEdit->setCalendarPopup(field.type.kind != K::Time);
    if (field.type.kind == K::DateOnly)
        mEdit->setDisplayFormat(u"yyyy-MM-dd"_s);
    else if (field.type.kind == K::Time)
        mEdit->setDisplayFormat(u"HH:mm:ss"_s);
    else
        mEdit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
    mEdit->setDateTime(QDateTime::currentDateTime());
    mEdit->setEnabled(false);
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mSet);
    layout->addWidget(mEdit, 1);
    connect(mSet, &QCheckBox::toggled, mEdit, &QWidget::setEnabled);
    connect(mSet, &QCheckBox::clicked, this, &ValueEditor::emitEdited);
    connect(mEdit, &QDateTimeEdit::dateTimeChanged, this, &ValueEditor::emitEdited);
    row->setMaximumWidth(mSet->sizeHint().width() + layout->spacing() + mEdit->sizeHint().width() + 8);
    setInput(row);
}

QJsonValue DateTimeEditor::value() const {
    if (!mSet->isChecked())
        return QJsonValue(QJsonValue::Null);
    switch (field().type.kind) {
    case DataType::Kind::DateOnly:
        return mEdit->date().toString(Qt::ISODate);
    case DataType::Kind::Time:
        return mEdit->time().toString(Qt::ISODate);
    default:
        return mEdit->dateTime().toUTC().toString(Qt::ISODateWithMs);
    }
}

void DateTimeEditor::setValue(const QJsonValue &value) {
    const QString text = value.toString();
    mSet->setChecked(!text.isEmpty());
    if (!text.isEmpty()) {
        switch (field().type.kind) {
        case DataType::Kind::DateOnly:
            mEdit->setDate(QDate::fromString(text, Qt::ISODate));
            break;
        case DataType::Kind::Time:
            mEdit->setTime(QTime::fromString(text, Qt::ISODate));
            break;
        default:
            mEdit->setDateTime(QDateTime::fromString(text, Qt::ISODateWithMs).toLocalTime());
        }
    }
    setProblem({});
}

QWidget *DateTimeEditor::focusTarget() const {
    return mEdit;
}

} // namespace modeldesk
