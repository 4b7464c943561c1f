// The record navigator above the data form: where the form's record is in the list ("2 of 3"), first /
// previous / next / last with the buttons and the keys, "Modified" while the form holds unsaved input, and a
// move never drops typed input without asking (Save / Discard / Cancel, through DataPage::maybeKeepInput).
// A list longer than a page still counts every record and reaches the last one.
#include "data/recordnavigator.h"
#include "support/dataformfixture.h"

#include <QAction>
#include <QToolButton>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

class TstRecordNavigator : public DataFormFixture {
    Q_OBJECT

private slots:
    void init() { setUpWindow(); }
    void cleanup() { tearDownWindow(); }

    void positionAndMoves();
    void keysMoveToo();
    void modifiedMarkerFollowsTypedInput();
    void askedBeforeLeavingTypedInput();
    void countsBeyondTheFirstPage();

private:
    static void saveUser(DataPage *page, const QString &name) {
        page->newRecord();
        type(page->form(), u"name"_s, name);
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
    }
    // The seed example with three saved users, the form showing a new record.
    DataPage *openWithUsers(const QTemporaryDir &dir) {
        DataPage *page = openData(u"seed"_s, sqliteIn(dir, u"users.db"_s));
        if (!page)
            return nullptr;
        for (const QString &name : {u"Ada"_s, u"Grace"_s, u"Edsger"_s}) {
            saveUser(page, name);
            if (QTest::currentTestFailed())
                return nullptr;
        }
        page->newRecord();
        return page;
    }
    static RecordNavigator *navigator(DataPage *page) { return page->navigator(); }
    static QString position(DataPage *page) {
        return page->navigator()->findChild<QLabel *>(u"recordPosition"_s)->text();
    }
    static QString shownName(DataPage *page) { return lineEdit(page->form(), u"name"_s)->text(); }
    // Clicks the navigator's button for `move`, as the user would.
    static void click(DataPage *page, RecordNavigator::Move move) {
        QAction *action = navigator(page)->action(move);
        QToolButton *button = nullptr;
        for (QToolButton *b : navigator(page)->findChildren<QToolButton *>())
            if (b->defaultAction() == action)
                button = b;
        QVERIFY(button && button->isVisible());
        QVERIFY2(button->isEnabled(), qPrintable(action->text()));
        QTest::mouseClick(button, Qt::LeftButton);
    }
};

void TstRecordNavigator::positionAndMoves() {
    QTemporaryDir dir;
    DataPage *page = openWithUsers(dir);
    QVERIFY(page);
    QCOMPARE(position(page), u"New record · 3 in the list"_s);
    QVERIFY(navigator(page)->action(RecordNavigator::Move::Next)->isEnabled());

    CHECK(click(page, RecordNavigator::Move::Next)); // from a new record: the first one
    QCOMPARE(position(page), u"1 of 3"_s);
    QCOMPARE(shownName(page), u"Ada"_s);
    QCOMPARE(page->recordList()->selectionModel()->selectedRows().value(0).row(), 0);
    QVERIFY(!navigator(page)->action(RecordNavigator::Move::Previous)->isEnabled());
    QVERIFY(!navigator(page)->action(RecordNavigator::Move::First)->isEnabled());

    CHECK(click(page, RecordNavigator::Move::Next));
    QCOMPARE(position(page), u"2 of 3"_s);
    QCOMPARE(shownName(page), u"Grace"_s);
    CHECK(click(page, RecordNavigator::Move::Last));
    QCOMPARE(position(page), u"3 of 3"_s);
    QCOMPARE(shownName(page), u"Edsger"_s);
    QVERIFY(!navigator(page)->action(RecordNavigator::Move::Next)->isEnabled());
    QVERIFY(!navigator(page)->action(RecordNavigator::Move::Last)->isEnabled());
    CHECK(click(page, RecordNavigator::Move::Previous));
    QCOMPARE(shownName(page), u"Grace"_s);
    CHECK(click(page, RecordNavigator::Move::First));
    QCOMPARE(position(page), u"1 of 3"_s);
    QCOMPARE(shownName(page), u"Ada"_s);

    // Clicking a row of the list moves the position as well; New leaves the list.
    page->recordList()->selectRow(2);
    QCOMPARE(position(page), u"3 of 3"_s);
    QTest::mouseClick(page->findChild<QPushButton *>(u"newRecordButton"_s), Qt::LeftButton);
    QCOMPARE(position(page), u"New record · 3 in the list"_s);
    // A search narrows the list and the count with it.
    QTest::keyClicks(page->findChild<QLineEdit *>(u"searchBox"_s), u"a"_s); // Ada, Grace
    QCOMPARE(position(page), u"New record · 2 in the list"_s);
}

void TstRecordNavigator::keysMoveToo() {
    QTemporaryDir dir;
    DataPage *page = openWithUsers(dir);
    QVERIFY(page);
    mWindow->activateWindow(); // again, after the message boxes
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
    QLineEdit *name = lineEdit(page->form(), u"name"_s);
    name->setFocus();
    QTest::keyClick(name, Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(position(page), u"1 of 3"_s);
    QTest::keyClick(page->recordList(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(position(page), u"2 of 3"_s);
    QTest::keyClick(name, Qt::Key_PageDown, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(position(page), u"3 of 3"_s);
    QTest::keyClick(name, Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(position(page), u"2 of 3"_s);
    QTest::keyClick(name, Qt::Key_PageUp, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(position(page), u"1 of 3"_s);
    QCOMPARE(shownName(page), u"Ada"_s);
}

void TstRecordNavigator::modifiedMarkerFollowsTypedInput() {
    QTemporaryDir dir;
    DataPage *page = openWithUsers(dir);
    QVERIFY(page);
    QLabel *marker = navigator(page)->modifiedMarker();
    QVERIFY(!marker->isVisible());
    CHECK(click(page, RecordNavigator::Move::First));
    QVERIFY(!marker->isVisible()); // loading is not typing
    type(page->form(), u"name"_s, u"Ada King"_s);
    QVERIFY(marker->isVisible());
    QVERIFY(marker->text().contains(u"Modified"_s));
    QTest::mouseClick(page->findChild<QPushButton *>(u"revertButton"_s), Qt::LeftButton);
    QVERIFY(!marker->isVisible());
    QCOMPARE(shownName(page), u"Ada"_s);
    type(page->form(), u"name"_s, u"Ada King"_s);
    QVERIFY(marker->isVisible());
    QVERIFY(page->saveRecord());
    QVERIFY(!marker->isVisible());
    QCOMPARE(position(page), u"1 of 3"_s); // still the same record, saved
}

void TstRecordNavigator::askedBeforeLeavingTypedInput() {
    QTemporaryDir dir;
    DataPage *page = openWithUsers(dir);
    QVERIFY(page);
    const ConnectionUrl url = sqliteIn(dir, u"users.db"_s);
    CHECK(click(page, RecordNavigator::Move::First));
    type(page->form(), u"name"_s, u"Ada, edited"_s);

    // Cancel: nothing moves, nothing typed is lost.
    QString asked;
    answerMessageBox(QMessageBox::Cancel, &asked);
    CHECK(click(page, RecordNavigator::Move::Next));
    QVERIFY2(asked.contains(u"testUser #"_s), qPrintable(asked));
    QCOMPARE(position(page), u"1 of 3"_s);
    QCOMPARE(shownName(page), u"Ada, edited"_s);
    QVERIFY(page->hasUnsavedInput());
    QVERIFY(navigator(page)->modifiedMarker()->isVisible());
    QCOMPARE(page->recordList()->selectionModel()->selectedRows().value(0).row(), 0);

    // Discard: it moves, and the database never saw the edit.
    asked.clear();
    answerMessageBox(QMessageBox::Discard, &asked);
    CHECK(click(page, RecordNavigator::Move::Next));
    QVERIFY(!asked.isEmpty());
    QCOMPARE(position(page), u"2 of 3"_s);
    QCOMPARE(shownName(page), u"Grace"_s);
    QCOMPARE(countRows(url, u"testUsers"_s, u" WHERE name = 'Ada, edited'"_s), 0);

    // Save: the edit is written, then it moves on (by the keys this time, typing in the field).
    mWindow->activateWindow(); // again, after the message boxes
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
    QLineEdit *name = lineEdit(page->form(), u"name"_s);
    name->setFocus();
    type(page->form(), u"name"_s, u"Grace Hopper"_s);
    asked.clear();
    answerMessageBox(QMessageBox::Save, &asked);
    QTest::keyClick(name, Qt::Key_PageDown, Qt::ControlModifier);
    QVERIFY(!asked.isEmpty());
    QCOMPARE(countRows(url, u"testUsers"_s, u" WHERE name = 'Grace Hopper'"_s), 1);
    QCOMPARE(position(page), u"3 of 3"_s);
    QCOMPARE(shownName(page), u"Edsger"_s);
    QVERIFY(!navigator(page)->modifiedMarker()->isVisible());

    // A new record typed in and saved on the way joins the list, and the move starts from it.
    page->newRecord();
    type(page->form(), u"name"_s, u"Barbara"_s);
    answerMessageBox(QMessageBox::Save, &asked);
    CHECK(click(page, RecordNavigator::Move::Previous));
    QCOMPARE(countRows(url, u"testUsers"_s), 4);
    QCOMPARE(position(page), u"3 of 4"_s);
    QCOMPARE(shownName(page), u"Edsger"_s);
}

void TstRecordNavigator::countsBeyondTheFirstPage() {
    QTemporaryDir dir;
    const ConnectionUrl url = sqliteIn(dir, u"many.db"_s);
    DataPage *page = openData(u"seed"_s, url);
    QVERIFY(page);
    {
        DatabaseConnection connection(url);
        QString error;
        QVERIFY2(connection.open(&error), qPrintable(error));
        RecordStore store(mWindow->document()->schema(), connection);
        for (int i = 1; i <= 450; ++i)
            QVERIFY(store.save(u"testUser"_s, QJsonObject{{u"name"_s, u"user %1"_s.arg(i)}}).ok);
    }
    page->setModel(u"testUser"_s);                          // lists them
    QVERIFY(page->recordList()->model()->rowCount() < 450); // a page at a time
    QCOMPARE(position(page), u"New record · 450 in the list"_s);
    CHECK(click(page, RecordNavigator::Move::Last));
    QCOMPARE(position(page), u"450 of 450"_s);
    QCOMPARE(shownName(page), u"user 450"_s);
    CHECK(click(page, RecordNavigator::Move::Previous));
    QCOMPARE(shownName(page), u"user 449"_s);
}

QTEST_MAIN(TstRecordNavigator)
#include "tst_recordnavigator.moc"
