#include "data/valueeditor.h"

#include "data/valueeditors.h"
#include "document/appearance.h"
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

int ValueEditor::widthForChars(int chars, bool digits) const {
    const QFontMetrics metrics = fontMetrics();
    const int unit = digits ? metrics.horizontalAdvance(u'0') : metrics.averageCharWidth();
    return chars * unit + 16; // the frame and the text margins
}

void ValueEditor::setProblem(const QString &message) {
    mProblem = message;
    mProblemLabel->setText(message);
    mProblemLabel->setVisible(!message.isEmpty());
    const QString color = appearance::toneColor(appearance::Tone::Error, palette()).name(QColor::HexRgb);
    if (!message.isEmpty())
        mProblemLabel->setStyleSheet(u"color: %1;"_s.arg(color));
    // Only when it changes: every editor is cleared each time a record is shown.
    const QString frame = message.isEmpty() ? QString() : u"border: 1px solid %1;"_s.arg(color);
    if (QWidget *input = focusTarget(); input && input->styleSheet() != frame)
        input->setStyleSheet(frame);
}

void ValueEditor::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !mProblem.isEmpty())
        setProblem(mProblem);
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
