// The data form never drops typed input without a word: clicking another record, switching model, New,
// closing the window or opening another project with unsaved input asks Save / Discard / Cancel, as the
// designer does for the design; and a hasOne child is saved only when the user entered something in it (or
// ticked it), so a new parent does not get an all-NULL child.
#include "support/dataformfixture.h"

#include <QAbstractItemView>
#include <QCloseEvent>
#include <QTableView>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

class TstUnsavedInput : public DataFormFixture {
    Q_OBJECT

private slots:
    void init() { setUpWindow(); }
    void cleanup() { tearDownWindow(); }

    void untouchedHasOneIsNotSaved();
    void changingRecordAsks();
    void switchingModelAsks();
    void newAndCloseAsk();
    void refusedSaveKeepsTheInput();

private:
    // Saves a testUser with the given name (and no user_test), as a user would.
    void saveUser(DataPage *page, const QString &name) {
        page->newRecord();
        type(page->form(), u"name"_s, name);
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
        QVERIFY(!page->hasUnsavedInput());
    }
    // Clicks row `row` of the record list.
    static void clickRow(DataPage *page, int row) {
        QTableView *list = page->recordList();
        const QRect rect = list->visualRect(list->model()->index(row, 0));
        QVERIFY(rect.isValid());
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    }
    static QString shownName(DataPage *page) { return lineEdit(page->form(), u"name"_s)->text(); }
};

void TstUnsavedInput::untouchedHasOneIsNotSaved() {
    QTemporaryDir dir;
    const ConnectionUrl url = sqliteIn(dir, u"child.db"_s);
    DataPage *page = openData(u"seed"_s, url);
    QVERIFY(page);
    RecordSection *child = page->form()->childSection(u"user_test"_s);
    QVERIFY(child->isCheckable());
    QVERIFY(!child->isChecked());
    QVERIFY(lineEdit(child, u"code"_s)->isEnabled()); // unticked means "not saved", not "cannot type"
    type(page->form(), u"name"_s, u"Ada"_s);
    QVERIFY(page->saveRecord());
    QCOMPARE(countRows(url, u"testUsers"_s), 1);
    QCOMPARE(countRows(url, u"tests"_s), 0);

    page->newRecord();
    QVERIFY(!child->isChecked());
    type(page->form(), u"name"_s, u"Pavitar"_s);
    type(child, u"code"_s, u"1234"_s);
    QVERIFY(child->isChecked()); // typing in it ticked it
    QVERIFY(page->saveRecord());
    QCOMPARE(countRows(url, u"tests"_s, u" WHERE code = '1234'"_s), 1);
    // A loaded record without a child shows the section unticked; one with a child ticked.
    page->newRecord();
    QVERIFY(!child->isChecked());
}

void TstUnsavedInput::changingRecordAsks() {
    QTemporaryDir dir;
    const ConnectionUrl url = sqliteIn(dir, u"records.db"_s);
    DataPage *page = openData(u"seed"_s, url);
    QVERIFY(page);
    CHECK(saveUser(page, u"first"_s));
    CHECK(saveUser(page, u"second"_s));
    const int firstRow = page->recordList()->model()->rowCount() == 2 ? 0 : -1;
    QVERIFY(firstRow == 0);
    CHECK(clickRow(page, 0));
    QCOMPARE(shownName(page), u"first"_s);

    type(page->form(), u"name"_s, u"first, edited"_s);
    QVERIFY(page->hasUnsavedInput());
    QString asked;
    answerMessageBox(QMessageBox::Cancel, &asked);
    CHECK(clickRow(page, 1));
    QVERIFY2(asked.contains(u"testUser #"_s), qPrintable(asked));
    QCOMPARE(shownName(page), u"first, edited"_s); // kept, and the list still shows the record typed in
    QCOMPARE(page->recordList()->selectionModel()->selectedRows().value(0).row(), 0);

    asked.clear();
    answerMessageBox(QMessageBox::Discard, &asked);
    CHECK(clickRow(page, 1));
    QVERIFY(!asked.isEmpty());
    QCOMPARE(shownName(page), u"second"_s);
    QVERIFY(!page->hasUnsavedInput());
    QCOMPARE(countRows(url, u"testUsers"_s, u" WHERE name = 'first'"_s), 1); // nothing written

    type(page->form(), u"name"_s, u"second, saved"_s);
    asked.clear();
    answerMessageBox(QMessageBox::Save, &asked);
    CHECK(clickRow(page, 0));
    QVERIFY(!asked.isEmpty());
    QCOMPARE(countRows(url, u"testUsers"_s, u" WHERE name = 'second, saved'"_s), 1);
    QCOMPARE(shownName(page), u"first"_s);
}

void TstUnsavedInput::switchingModelAsks() {
    QTemporaryDir dir;
    const ConnectionUrl url = sqliteIn(dir, u"models.db"_s);
    DataPage *page = openData(u"seed"_s, url);
    QVERIFY(page);
    type(page->form(), u"name"_s, u"typed"_s);
    auto *combo = page->findChild<QComboBox *>(u"modelCombo"_s);
    QVERIFY(combo);
    const int other = combo->findText(u"test"_s);
    QVERIFY(other >= 0);
    QString asked;
    answerMessageBox(QMessageBox::Cancel, &asked);
    combo->setCurrentIndex(other);
    emit combo->activated(other); // what choosing the entry does
    QVERIFY(!asked.isEmpty());
    QCOMPARE(page->model(), u"testUser"_s);
    QCOMPARE(combo->currentText(), u"testUser"_s);
    QCOMPARE(shownName(page), u"typed"_s);

    answerMessageBox(QMessageBox::Save, &asked);
    combo->setCurrentIndex(other);
    emit combo->activated(other);
    QCOMPARE(page->model(), u"test"_s);
    QCOMPARE(countRows(url, u"testUsers"_s, u" WHERE name = 'typed'"_s), 1);
}

void TstUnsavedInput::newAndCloseAsk() {
    QTemporaryDir dir;
    const ConnectionUrl url = sqliteIn(dir, u"close.db"_s);
    DataPage *page = openData(u"seed"_s, url);
    QVERIFY(page);
    type(page->form(), u"name"_s, u"typed"_s);
    QString asked;
    answerMessageBox(QMessageBox::Cancel, &asked);
    QTest::mouseClick(page->findChild<QPushButton *>(u"newRecordButton"_s), Qt::LeftButton);
    QVERIFY(!asked.isEmpty());
    QCOMPARE(shownName(page), u"typed"_s);

    // Closing (or quitting) asks too; Cancel keeps the window open.
    asked.clear();
    answerMessageBox(QMessageBox::Cancel, &asked);
    QVERIFY(!mWindow->close());
    QVERIFY2(asked.contains(u"new testUser"_s), qPrintable(asked));
    QVERIFY(mWindow->isVisible());
    QCOMPARE(shownName(page), u"typed"_s);

    // Opening another project asks before the form goes.
    asked.clear();
    answerMessageBox(QMessageBox::Cancel, &asked);
    mWindow->action(u"actionNew"_s)->trigger();
    QVERIFY(!asked.isEmpty());
    QCOMPARE(mWindow->document()->schema().models.size(), 2); // still the seed

    asked.clear();
    answerMessageBox(QMessageBox::Discard, &asked);
    QTest::mouseClick(page->findChild<QPushButton *>(u"newRecordButton"_s), Qt::LeftButton);
    QVERIFY(!asked.isEmpty());
    QCOMPARE(shownName(page), QString());
    QCOMPARE(mWindow->focusWidget(),
             lineEdit(page->form(), u"name"_s)); // New puts the focus in the first field
    QCOMPARE(countRows(url, u"testUsers"_s), 0);
}

void TstUnsavedInput::refusedSaveKeepsTheInput() {
    QTemporaryDir dir;
    const ConnectionUrl url = sqliteIn(dir, u"refused.db"_s);
    DataPage *page = openData(u"shop"_s, url);
    QVERIFY(page);
    page->setModel(u"customer"_s);
    type(page->form(), u"name"_s, u"Ada"_s);
    type(page->form(), u"email"_s, u"ada@example.com"_s);
    QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
    page->newRecord();
    // An email that is not one cannot be saved: answering Save keeps everything where it is.
    type(page->form(), u"name"_s, u"Bo"_s);
    type(page->form(), u"email"_s, u"not-an-email"_s);
    QString asked;
    answerMessageBox(QMessageBox::Save, &asked);
    CHECK(clickRow(page, 0));
    QVERIFY(!asked.isEmpty());
    QCOMPARE(shownName(page), u"Bo"_s);
    QVERIFY(page->hasUnsavedInput());
    QVERIFY2(page->messageLabel()->text().contains(u"Nothing was saved"_s),
             qPrintable(page->messageLabel()->text()));
    QVERIFY(page->recordList()->selectionModel()->selectedRows().isEmpty()); // still the new record
    QCOMPARE(countRows(url, u"customers"_s), 1);
}

QTEST_MAIN(TstUnsavedInput)
#include "tst_unsavedinput.moc"
