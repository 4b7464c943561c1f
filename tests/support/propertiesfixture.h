#pragma once

// The properties panel of a Document (the seed example) over a DiagramScene, in a window of its own, with the
// gestures the panel tests share: typing and picking like a user, and checking that an edit was exactly one
// undo step. Test classes derive from it and call setUpPanel()/tearDownPanel() from init()/cleanup().
#include "designer/diagramscene.h"
#include "document/document.h"
#include "properties/propertiespanel.h"
#include "support/testsupport.h"
#include "support/typing.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QLineEdit>
#include <QScrollArea>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>
#include <QVBoxLayout>
#include <memory>

namespace modeldesk::test {

class PropertiesFixture : public QObject {
protected:
    void setUpPanel() {
        mDocument = std::make_unique<Document>();
        mDocument->reset(loadExample(QStringLiteral("seed")), {});
        mScene = std::make_unique<DiagramScene>(mDocument.get());
        mWindow = std::make_unique<QWidget>();
        mPanel = new PropertiesPanel(mDocument.get(), mScene.get(), mWindow.get());
        auto *layout = new QVBoxLayout(mWindow.get());
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(mPanel);
        mWindow->resize(340, 900);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
        mWindow->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
    }
    void tearDownPanel() {
        mWindow.reset(); // the panel first: it observes the scene and the document
        mPanel = nullptr;
        mScene.reset();
        mDocument.reset();
    }

    template <typename T> T *find(const char *name) const {
        auto *widget = mPanel->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget %s in the properties panel", name);
        return widget;
    }
    void type(QLineEdit *edit, const QString &text) { typeAndReturn(edit, text); }
    void type(QComboBox *combo, const QString &text) { type(combo->lineEdit(), text); }
    // Opens the combo's list and clicks the entry `text`.
    void choose(QComboBox *combo, const QString &text) {
        const int index = combo->findText(text);
        QVERIFY2(index >= 0, qPrintable(text));
        combo->showPopup();
        QAbstractItemView *list = combo->view();
        QTRY_VERIFY(list->isVisible());
        const QRect rect = list->visualRect(list->model()->index(index, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_VERIFY(!list->isVisible());
        QCOMPARE(combo->currentText(), text);
    }
    static QWidget *editorOf(PropertiesPanel *panel) {
        auto *area = qobject_cast<QScrollArea *>(panel->currentWidget());
        return area ? area->widget() : panel->currentWidget();
    }
    QWidget *currentEditor() const { return editorOf(mPanel); }
    void selectField(int row) { find<QTableWidget>("fieldsTable")->setCurrentCell(row, 0); }
    const Model &model(const QString &name) const { return *mDocument->schema().model(name); }
    const Field &field(const QString &modelName, const QString &fieldName) const {
        return *model(modelName).field(fieldName);
    }

    // Remembers the schema before a gesture; verifyOneStep() checks what the gesture left on the stack.
    struct Before {
        Schema schema;
        int count;
    };
    Before before() const { return {mDocument->schema(), mDocument->undoStack()->count()}; }
    void verifyOneStep(const Before &was) {
        QUndoStack *stack = mDocument->undoStack();
        QCOMPARE(stack->count(), was.count + 1);
        QCOMPARE(stack->index(), stack->count());
        const Schema after = mDocument->schema();
        QVERIFY(!(after == was.schema));
        stack->undo();
        QVERIFY(mDocument->schema() == was.schema);
        stack->redo();
        QVERIFY(mDocument->schema() == after);
    }
    void verifyNoStep(const Before &was) {
        QCOMPARE(mDocument->undoStack()->count(), was.count);
        QVERIFY(mDocument->schema() == was.schema);
    }

    std::unique_ptr<Document> mDocument;
    std::unique_ptr<DiagramScene> mScene;
    std::unique_ptr<QWidget> mWindow;
    PropertiesPanel *mPanel = nullptr;
};

} // namespace modeldesk::test
