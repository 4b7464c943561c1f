// The properties panel driven like a user would: select on the canvas, then type, click and pick in the real
// editors (offscreen). Every edit must be exactly one undo step that undoes to the exact previous schema and
// redoes to the exact edited one; refused or unparsable input must change nothing.
#include "designer/diagramscene.h"
#include "designer/diagramtool.h"
#include "designer/modelitem.h"
#include "document/document.h"
#include "document/linkcommands.h"
#include "document/modelcommands.h"
#include "editing/propertytext.h"
#include "properties/linkeditor.h"
#include "properties/modeleditor.h"
#include "properties/propertiespanel.h"
#include "support/propertiesfixture.h"
#include "support/testsupport.h"
#include "window/mainwindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>
#include <memory>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

QJsonValue fn(const QString &name) {
    return QJsonObject{{u"fn"_s, name}};
}

} // namespace

class TstProperties : public test::PropertiesFixture {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void pagesFollowSelection();
    void renameModel();
    void renameModelRefusesEmptyAndDuplicate();
    void tableNameOptionsAndComment();
    void addRemoveAndReorderFields();
    void fieldType();
    void allowNullTriState();
    void defaultValue();
    void flags();
    void validateRules();
    void resyncKeepsTheEditorInUse();
    void windowShortcutsStayOutOfThePanel();
    void defaultValueText_data();
    void defaultValueText();
    void validateRulesText_data();
    void validateRulesText();
    void dockInTheWindow();
};

void TstProperties::init() {
    setUpPanel();
}

void TstProperties::cleanup() {
    tearDownPanel();
}

void TstProperties::pagesFollowSelection() {
    QCOMPARE(mPanel->currentWidget()->objectName(), u"emptyPage"_s);
    mScene->selectModel(u"testUser"_s);
    QCOMPARE(currentEditor(), mPanel->modelEditor());
    QCOMPARE(find<QLineEdit>("modelNameEdit")->text(), u"testUser"_s);
    QCOMPARE(find<QTableWidget>("fieldsTable")->rowCount(), 2);
    QCOMPARE(find<QLineEdit>("fieldNameEdit")->text(), u"name"_s);

    mScene->selectLink(0);
    QCOMPARE(currentEditor(), mPanel->linkEditor());
    QCOMPARE(find<QLabel>("linkEndsLabel")->text(), u"testUser → test"_s);
    QCOMPARE(find<QLineEdit>("linkAliasEdit")->text(), u"user_test"_s);
    QVERIFY(find<QLabel>("linkMirrorNote")->text().contains(u"test.belongsTo(testUser)"_s));

    mScene->modelItem(u"testUser"_s)->setSelected(true);
    QCOMPARE(mPanel->currentWidget()->objectName(), u"summaryPage"_s);
    QVERIFY(find<QLabel>("summaryPage")->text().contains(u"1 model and 1 link selected"_s));

    mScene->clearSelection();
    QTRY_COMPARE(mPanel->currentWidget()->objectName(), u"emptyPage"_s);
}

void TstProperties::renameModel() {
    mScene->selectModel(u"testUser"_s);
    const Before was = before();
    type(find<QLineEdit>("modelNameEdit"), u"person"_s);
    QVERIFY(mDocument->schema().model(u"person"_s));
    QVERIFY(!mDocument->schema().model(u"testUser"_s));
    QCOMPARE(mDocument->schema().links.at(0).source, u"person"_s);
    QCOMPARE(mDocument->schema().links.at(1).target, u"person"_s);
    CHECK(verifyOneStep(was));
    // The panel follows the model through undo and redo.
    mDocument->undoStack()->undo();
    QCOMPARE(find<QLineEdit>("modelNameEdit")->text(), u"testUser"_s);
    mDocument->undoStack()->redo();
    QCOMPARE(find<QLineEdit>("modelNameEdit")->text(), u"person"_s);
    QCOMPARE(currentEditor(), mPanel->modelEditor());
}

void TstProperties::renameModelRefusesEmptyAndDuplicate() {
    mScene->selectModel(u"testUser"_s);
    auto *name = find<QLineEdit>("modelNameEdit");
    auto *message = find<QLabel>("modelMessage");
    const Before was = before();
    type(name, QString());
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(u"needs a name"_s));
    QCOMPARE(name->text(), u"testUser"_s);
    CHECK(verifyNoStep(was));

    type(name, u"test"_s);
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(u"already a model named “test”"_s));
    QCOMPARE(name->text(), u"testUser"_s);
    CHECK(verifyNoStep(was));
}

void TstProperties::tableNameOptionsAndComment() {
    mScene->selectModel(u"testUser"_s);
    auto *table = find<QLineEdit>("tableNameEdit");
    QCOMPARE(table->placeholderText(), u"testUsers (derived)"_s);

    Before was = before();
    type(table, u"people"_s);
    QCOMPARE(model(u"testUser"_s).tableName, u"people"_s);
    CHECK(verifyOneStep(was));

    // Paranoid first: without timestamps it is disabled (unless already on).
    for (const char *name :
         {"paranoidCheck", "underscoredCheck", "freezeTableNameCheck", "timestampsCheck"}) {
        auto *check = find<QCheckBox>(name);
        const bool wasChecked = check->isChecked();
        was = before();
        QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(6, check->height() / 2));
        QCOMPARE(check->isChecked(), !wasChecked);
        CHECK(verifyOneStep(was));
    }
    const Model &changed = model(u"testUser"_s);
    QVERIFY(!changed.timestamps);
    QVERIFY(changed.paranoid);
    QVERIFY(changed.underscored);
    QVERIFY(changed.freezeTableName);

    // Undo shows in the editors.
    mDocument->undoStack()->undo();
    QVERIFY(find<QCheckBox>("timestampsCheck")->isChecked());
    QVERIFY(find<QCheckBox>("paranoidCheck")->isEnabled());
    mDocument->undoStack()->redo();

    was = before();
    type(find<QLineEdit>("modelCommentEdit"), u"People who run tests"_s);
    QCOMPARE(model(u"testUser"_s).comment, u"People who run tests"_s);
    CHECK(verifyOneStep(was));

    was = before();
    type(table, QString());
    QVERIFY(model(u"testUser"_s).tableName.isEmpty());
    CHECK(verifyOneStep(was));
}

void TstProperties::addRemoveAndReorderFields() {
    mScene->selectModel(u"testUser"_s);
    auto *table = find<QTableWidget>("fieldsTable");

    Before was = before();
    QTest::mouseClick(find<QToolButton>("addFieldButton"), Qt::LeftButton);
    QCOMPARE(model(u"testUser"_s).fields.size(), 3);
    QCOMPARE(model(u"testUser"_s).fields.at(2).name, u"field"_s);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->currentRow(), 2);
    auto *fieldName = find<QLineEdit>("fieldNameEdit");
    QCOMPARE(QApplication::focusWidget(), fieldName); // ready to type the name, which is selected
    QCOMPARE(fieldName->selectedText(), u"field"_s);
    CHECK(verifyOneStep(was));

    // Undo and redo left another row current; come back to the new field.
    selectField(2);
    was = before();
    type(fieldName, u"age"_s);
    QCOMPARE(model(u"testUser"_s).fields.at(2).name, u"age"_s);
    QCOMPARE(table->item(2, 0)->text(), u"age"_s);
    CHECK(verifyOneStep(was));

    // Keyboard in the list: Ctrl+Up moves, Insert adds, Delete removes (the field, not the model).
    table->setFocus();
    table->setCurrentCell(2, 0);
    was = before();
    QTest::keyClick(table, Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(model(u"testUser"_s).fields.at(1).name, u"age"_s);
    QCOMPARE(table->currentRow(), 1);
    CHECK(verifyOneStep(was));

    was = before();
    QTest::mouseClick(find<QToolButton>("moveFieldUpButton"), Qt::LeftButton);
    QCOMPARE(model(u"testUser"_s).fields.at(0).name, u"age"_s);
    QCOMPARE(table->currentRow(), 0);
    CHECK(verifyOneStep(was));

    was = before();
    QTest::mouseClick(find<QToolButton>("moveFieldDownButton"), Qt::LeftButton);
    QCOMPARE(model(u"testUser"_s).fields.at(1).name, u"age"_s);
    CHECK(verifyOneStep(was));

    table->setFocus();
    was = before();
    QTest::keyClick(table, Qt::Key_Delete);
    QVERIFY(mDocument->schema().model(u"testUser"_s));
    QCOMPARE(model(u"testUser"_s).fields.size(), 2);
    QVERIFY(!model(u"testUser"_s).field(u"age"_s));
    CHECK(verifyOneStep(was));

    was = before();
    QTest::keyClick(table, Qt::Key_Insert);
    QCOMPARE(model(u"testUser"_s).fields.size(), 3);
    CHECK(verifyOneStep(was));

    selectField(0);
    was = before();
    QTest::mouseClick(find<QToolButton>("removeFieldButton"), Qt::LeftButton);
    QCOMPARE(model(u"testUser"_s).fields.size(), 2);
    QCOMPARE(model(u"testUser"_s).fields.at(0).name, u"email"_s);
    QCOMPARE(fieldName->text(), u"email"_s);
    CHECK(verifyOneStep(was));

    // A duplicate field name is refused.
    was = before();
    type(fieldName, u"field"_s);
    QCOMPARE(fieldName->text(), u"email"_s);
    QVERIFY(find<QLabel>("fieldMessage")->text().contains(u"already has a field named “field”"_s));
    CHECK(verifyNoStep(was));
}

void TstProperties::fieldType() {
    mScene->selectModel(u"testUser"_s);
    selectField(1); // email
    auto *typeCombo = find<QComboBox>("fieldTypeCombo");
    QCOMPARE(typeCombo->currentText(), u"STRING"_s);

    Before was = before();
    type(typeCombo, u"string(100)"_s);
    QCOMPARE(field(u"testUser"_s, u"email"_s).type, DataType::string(100));
    QCOMPARE(typeCombo->currentText(), u"STRING(100)"_s);
    CHECK(verifyOneStep(was));

    was = before();
    type(typeCombo, u"STRNG(10)"_s);
    auto *message = find<QLabel>("fieldMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"unknown data type \"STRNG\""_s), qPrintable(message->text()));
    QCOMPARE(typeCombo->currentText(), u"STRNG(10)"_s); // kept, so that it can be fixed
    CHECK(verifyNoStep(was));

    was = before();
    type(typeCombo, u"ENUM('x','y'"_s);
    QVERIFY(message->text().contains(u"missing \")\""_s));
    CHECK(verifyNoStep(was));

    was = before();
    type(typeCombo, u"ENUM('new', 'paid')"_s);
    QCOMPARE(field(u"testUser"_s, u"email"_s).type.values, QStringList({u"new"_s, u"paid"_s}));
    QVERIFY(!message->isVisible());
    CHECK(verifyOneStep(was));

    was = before();
    choose(typeCombo, u"DECIMAL(10,2)"_s);
    const DataType decimal = field(u"testUser"_s, u"email"_s).type;
    QCOMPARE(decimal.kind, DataType::Kind::Decimal);
    QCOMPARE(decimal.precision, 10);
    QCOMPARE(decimal.scale, 2);
    CHECK(verifyOneStep(was));
}

void TstProperties::allowNullTriState() {
    mScene->selectModel(u"testUser"_s);
    selectField(0);
    auto *allowNull = find<QComboBox>("allowNullCombo");
    QVERIFY(!field(u"testUser"_s, u"name"_s).allowNull.has_value());
    QCOMPARE(allowNull->currentIndex(), 0);

    Before was = before();
    choose(allowNull, u"No"_s);
    QCOMPARE(field(u"testUser"_s, u"name"_s).allowNull, std::optional<bool>(false));
    CHECK(verifyOneStep(was));

    was = before();
    choose(allowNull, u"Yes"_s);
    QCOMPARE(field(u"testUser"_s, u"name"_s).allowNull, std::optional<bool>(true));
    CHECK(verifyOneStep(was));

    was = before();
    choose(allowNull, u"Default (yes)"_s);
    QVERIFY(!field(u"testUser"_s, u"name"_s).allowNull.has_value());
    CHECK(verifyOneStep(was));

    // Undo shows the explicit value again.
    mDocument->undoStack()->undo();
    QCOMPARE(allowNull->currentText(), u"Yes"_s);
}

void TstProperties::defaultValue() {
    mScene->selectModel(u"testUser"_s);
    selectField(0);
    auto *combo = find<QComboBox>("defaultValueCombo");
    const struct {
        QString text;
        QJsonValue expected;
        QString shown;
    } cases[] = {
        {u"42"_s, QJsonValue(42), u"42"_s},
        {u"\"42\""_s, QJsonValue(u"42"_s), u"\"42\""_s},
        {u"hello world"_s, QJsonValue(u"hello world"_s), u"hello world"_s},
        {u"true"_s, QJsonValue(true), u"true"_s},
        {u"null"_s, QJsonValue(QJsonValue::Null), u"null"_s},
        {u"'NOW'"_s, QJsonValue(u"NOW"_s), u"\"NOW\""_s},
        {u"NOW"_s, fn(u"NOW"_s), u"NOW"_s},
        {QString(), QJsonValue(QJsonValue::Undefined), QString()},
    };
    for (const auto &c : cases) {
        const Before was = before();
        type(combo, c.text);
        QCOMPARE(field(u"testUser"_s, u"name"_s).defaultValue, c.expected);
        QCOMPARE(combo->currentText(), c.shown);
        CHECK(verifyOneStep(was));
    }
    const Before was = before();
    choose(combo, u"UUIDV4"_s);
    QCOMPARE(field(u"testUser"_s, u"name"_s).defaultValue, fn(u"UUIDV4"_s));
    CHECK(verifyOneStep(was));

    const Before bad = before();
    type(combo, u"[1,2]"_s);
    QVERIFY(find<QLabel>("fieldMessage")->text().contains(u"Default not applied"_s));
    CHECK(verifyNoStep(bad));
}

void TstProperties::flags() {
    mScene->selectModel(u"test"_s);
    selectField(0); // code
    for (const char *name : {"primaryKeyCheck", "uniqueCheck", "autoIncrementCheck"}) {
        auto *check = find<QCheckBox>(name);
        const Before was = before();
        QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(6, check->height() / 2));
        CHECK(verifyOneStep(was));
    }
    const Field &code = field(u"test"_s, u"code"_s);
    QVERIFY(code.primaryKey);
    QVERIFY(code.unique);
    QVERIFY(code.autoIncrement);
    QCOMPARE(find<QComboBox>("allowNullCombo")->itemText(0), u"Default (no: primary key)"_s);
    QVERIFY(find<QTableWidget>("fieldsTable")->item(0, 2)->text().startsWith(u"PK, auto"_s));
}

void TstProperties::validateRules() {
    mScene->selectModel(u"testUser"_s);
    selectField(1); // email
    auto *edit = find<QLineEdit>("validateEdit");
    auto *message = find<QLabel>("fieldMessage");

    Before was = before();
    type(edit, u"isEmail, len:[2,10], is:^[a-z]+$"_s);
    const QList<ValidateRule> expected{
        {u"isEmail"_s, true}, {u"len"_s, QJsonArray{2, 10}}, {u"is"_s, u"^[a-z]+$"_s}};
    QCOMPARE(field(u"testUser"_s, u"email"_s).validate, expected);
    QCOMPARE(edit->text(), u"isEmail, len:[2,10], is:\"^[a-z]+$\""_s);
    CHECK(verifyOneStep(was));

    for (const auto &[text, error] : {std::pair{u"len:[10,2]"_s, u"len takes [min, max]"_s},
                                      std::pair{u"isEmial"_s, u"unknown rule \"isEmial\""_s},
                                      std::pair{u"min:abc"_s, u"min: \"abc\" is not a valid argument"_s},
                                      std::pair{u"isEmail, isEmail"_s, u"isEmail is given twice"_s}}) {
        was = before();
        type(edit, text);
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(error), qPrintable(message->text()));
        CHECK(verifyNoStep(was));
    }

    was = before();
    type(edit, u"notEmpty, min:0, isIn:[[\"a\",\"b\"]]"_s);
    QCOMPARE(field(u"testUser"_s, u"email"_s).validate.size(), 3);
    QVERIFY(!message->isVisible());
    CHECK(verifyOneStep(was));

    was = before();
    type(edit, QString());
    QVERIFY(field(u"testUser"_s, u"email"_s).validate.isEmpty());
    CHECK(verifyOneStep(was));
}

void TstProperties::resyncKeepsTheEditorInUse() {
    mScene->selectModel(u"testUser"_s);
    selectField(0);
    auto *comment = find<QLineEdit>("fieldCommentEdit");
    comment->setFocus();
    QTest::keyClicks(comment, u"half-typed"_s);

    // Something else changes the design meanwhile (here: an edit of another model).
    Model other = model(u"test"_s);
    Model changed = other;
    changed.comment = u"changed elsewhere"_s;
    mDocument->undoStack()->push(new ChangeModelCommand(mDocument.get(), other, changed, u"elsewhere"_s));
    QCOMPARE(QApplication::focusWidget(), comment);
    QCOMPARE(comment->text(), u"half-typed"_s);

    // Undo/redo of this model's own values still shows in the editors that are not being typed in.
    const Before was = before();
    QTest::keyClick(comment, Qt::Key_Return);
    QCOMPARE(field(u"testUser"_s, u"name"_s).comment, u"half-typed"_s);
    CHECK(verifyOneStep(was));
    mDocument->undoStack()->undo();
    QCOMPARE(comment->text(), QString());
    QCOMPARE(QApplication::focusWidget(), comment);

    // The same for a link: the canvas rebuilds its edges on every link change.
    mScene->selectLink(0);
    auto *alias = find<QLineEdit>("linkAliasEdit");
    alias->setFocus();
    alias->selectAll();
    QTest::keyClicks(alias, u"typing"_s);
    Link inverse = mDocument->schema().links.at(1);
    inverse.onUpdate = u"CASCADE"_s;
    mDocument->undoStack()->push(new ChangeLinkCommand(mDocument.get(), 1, inverse, u"elsewhere"_s));
    QCoreApplication::processEvents(); // the panel's deferred checks (a zero timer) run
    QCOMPARE(currentEditor(), mPanel->linkEditor());
    QCOMPARE(QApplication::focusWidget(), alias);
    QCOMPARE(alias->text(), u"typing"_s);
}

void TstProperties::windowShortcutsStayOutOfThePanel() {
    // In the main window, single-letter tool keys and Delete are window shortcuts; typing in the panel and
    // Delete in the fields list must not reach them (Delete would remove the whole model).
    cleanup();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.openExample(u"seed"_s));
    Document *document = window.document();
    window.scene()->selectModel(u"testUser"_s);
    PropertiesPanel *panel = window.propertiesPanel();

    auto *name = panel->findChild<QLineEdit *>(u"modelNameEdit"_s);
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, u"slm"_s);
    QCOMPARE(name->text(), u"slm"_s);
    QCOMPARE(window.scene()->tool(), DiagramTool::Kind::Select);
    QTest::keyClick(name, Qt::Key_Return);
    QVERIFY(document->schema().model(u"slm"_s));

    auto *table = panel->findChild<QTableWidget *>(u"fieldsTable"_s);
    table->setFocus();
    table->setCurrentCell(0, 0);
    const int count = document->undoStack()->count();
    QTest::keyClick(table, Qt::Key_Delete);
    QVERIFY(document->schema().model(u"slm"_s));
    QCOMPARE(document->schema().model(u"slm"_s)->fields.size(), 1);
    QCOMPARE(document->undoStack()->count(), count + 1);
    // ~MainWindow deletes the Document after its own members: the undo stack's last cleanChanged would
    // reach MainWindow::updateTitle on a half-destroyed window.
    QObject::disconnect(document, nullptr, &window, nullptr);
}

void TstProperties::defaultValueText_data() {
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << QJsonValue(QJsonValue::Undefined) << QString();
    QTest::newRow("number") << QJsonValue(1.5) << u"1.5"_s;
    QTest::newRow("integer") << QJsonValue(0) << u"0"_s;
    QTest::newRow("bool") << QJsonValue(false) << u"false"_s;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << u"null"_s;
    QTest::newRow("text") << QJsonValue(u"new"_s) << u"new"_s;
    QTest::newRow("decimal text") << QJsonValue(u"0.00"_s) << u"\"0.00\""_s;
    QTest::newRow("empty text") << QJsonValue(u""_s) << u"\"\""_s;
    QTest::newRow("quoted text") << QJsonValue(u"\"hi\""_s) << u"\"\\\"hi\\\"\""_s;
    QTest::newRow("spaces") << QJsonValue(u" x "_s) << u"\" x \""_s;
    QTest::newRow("NOW") << fn(u"NOW"_s) << u"NOW"_s;
    QTest::newRow("text NOW") << QJsonValue(u"NOW"_s) << u"\"NOW\""_s;
}

void TstProperties::defaultValueText() {
    QFETCH(QJsonValue, value);
    QFETCH(QString, text);
    QCOMPARE(PropertyText::defaultValueText(value), text);
    QCOMPARE(PropertyText::parseDefaultValue(text), std::optional<QJsonValue>(value));
}

void TstProperties::validateRulesText_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical"); // how the panel shows the parsed rules
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("flags") << u"isEmail,isUrl , notEmpty"_s << u"isEmail, isUrl, notEmpty"_s;
    QTest::newRow("arguments") << u"len: [2, 10], min:0, max:1.5"_s << u"len:[2,10], min:0, max:1.5"_s;
    QTest::newRow("isIn with commas") << u"isIn:[[\"a,b\",\"c\"]]"_s << u"isIn:[[\"a,b\",\"c\"]]"_s;
    QTest::newRow("regex with comma") << u"is:\"^a{1,3}$\""_s << u"is:\"^a{1,3}$\""_s;
    QTest::newRow("bare regex") << u"is:^\\d+$"_s << u"is:\"^\\\\d+$\""_s;
    QTest::newRow("explicit false") << u"notEmpty:false"_s << u"notEmpty:false"_s;
}

void TstProperties::validateRulesText() {
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QString error;
    const auto rules = PropertyText::parseValidateRules(text, &error);
    QVERIFY2(rules, qPrintable(error));
    QCOMPARE(PropertyText::validateRulesText(*rules), canonical);
    QCOMPARE(PropertyText::parseValidateRules(canonical), rules);
}

// In the main window the panel is a dock wide enough for its editors, and follows the canvas's selection.
// (Pictures of it come from scripts/screenshots.)
void TstProperties::dockInTheWindow() {
    cleanup();
    MainWindow window;
    window.openExample(u"shop"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *dock = window.findChild<QDockWidget *>(u"propertiesDock"_s);
    QVERIFY(dock);
    window.scene()->selectModel(u"order"_s);
    window.propertiesPanel()->findChild<QTableWidget *>(u"fieldsTable"_s)->setCurrentCell(0, 0);
    QCOMPARE(editorOf(window.propertiesPanel()), window.propertiesPanel()->modelEditor());
    QVERIFY(dock->width() >= 300);
    window.scene()->selectLink(2); // customer hasMany order
    QCOMPARE(editorOf(window.propertiesPanel()), window.propertiesPanel()->linkEditor());
}

QTEST_MAIN(TstProperties)
#include "tst_properties.moc"
