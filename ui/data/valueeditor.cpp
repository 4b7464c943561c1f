#include "data/valueeditor.h"

#include "data/valueeditors.h"
#include "schema/fieldvalue.h"

#include <QLabel>
#include <QVBoxLayout>

namespace modeldesk {

using namespace Qt::StringLiterals;

ValueEditor::ValueEditor(const Field &field, QWidget *parent)
    : QWidget(parent)
    , mField(field)
    , mProblemLabel(new QLabel(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    mProblemLabel->setObjectName(u"problemLabel"_s);
    mProblemLabel->setStyleSheet(u"color: #b33a3a;"_s);
    mProblemLabel->setWordWrap(true);
    mProblemLabel->hide();
    layout->addWidget(mProblemLabel);
    setObjectName(u"editor_"_s + field.name);
}

ValueEditor *ValueEditor::create(const Field &field, QWidget *parent) {
    using K = DataType::Kind;
    switch (field.type.kind) {
    case K::Boolean:
        return new BooleanEditor(field, parent);
    case K::Enum:
        return new EnumEditor(field, parent);
    case K::Date:
    case K::DateOnly:
    case K::Time:
        return new DateTimeEditor(field, parent);
    case K::Text:
    case K::Json:
        return new MultiLineEditor(field, parent);
    default:
        return new LineValueEditor(field, parent);
    }
}

void ValueEditor::setInput(QWidget *input) {
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, input);
}

void ValueEditor::emitEdited() {
    check();
    emit edited();
}

void ValueEditor::setProblem(const QString &message) {
    mProblem = message;
    mProblemLabel->setText(message);
    mProblemLabel->setVisible(!message.isEmpty());
    if (QWidget *input = focusTarget())
        input->setStyleSheet(message.isEmpty() ? QString() : u"border: 1px solid #b33a3a;"_s);
}

QString ValueEditor::check() {
    const QJsonValue v = value();
    QString message;
    // An empty optional field is fine; a default fills a required one on insert.
    if (!(v.isNull() && (mField.isNullable() || mField.hasDefault() || mField.autoIncrement)))
        message = FieldValue::check(mField, v).message;
    setProblem(message);
    return message;
}

} // namespace modeldesk
