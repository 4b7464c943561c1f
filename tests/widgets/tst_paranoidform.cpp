// A paranoid model's deleted records in the data form: "Show deleted" (only for a paranoid model) lists them
// greyed and struck through with when they were deleted, without touching what is typed; selecting one shows
// it read-only with Restore instead of Delete; Restore brings it back (the list, the form and the status bar
// say so), and a restore that finds it already restored elsewhere says why and shows what is there now.
//
// MODELDESK_SCREENSHOT_DIR: keep a picture of the page showing a deleted record, to look at.
#include "data/recordlistmodel.h"
#include "support/dataformfixture.h"

#include <QHeaderView>
#include <QStatusBar>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

// note (paranoid) belongsTo author (not paranoid).
Project notebookProject() {
    Project project;
    Model author{u"author"_s};
    author.fields << Field{u"name"_s, DataType::string()};
    Model note{u"note"_s};
    note.fields << Field{u"text"_s, DataType::string()} << Field{u"mood"_s, DataType::string()};
    note.paranoid = true;
    project.schema.models = {author, note};
    project.schema.links = {
        link(Link::Kind::BelongsTo, u"note"_s, u"author"_s, u"author"_s, u"authorId"_s, u"SET NULL"_s)};
    return project;
}

const QDateTime kDeletedAt(QDate(2030, 5, 6), QTime(7, 8, 9), Qt::UTC);

} // namespace

class TstParanoidForm : public DataFormFixture {
    Q_OBJECT

private slots:
    void init() { setUpWindow(); }
    void cleanup() { tearDownWindow(); }

    void showDeletedAndRestore();
    void restoreFindsItRestoredElsewhere();

private:
    // The notebook in Data mode on a fresh SQLite file: Ann wrote "alpha" (#1), "beta" (#2, deleted at
    // kDeletedAt) and "gamma" (#3).
    DataPage *openNotebook(const QTemporaryDir &dir, ConnectionUrl *url) {
        *url = sqliteIn(dir, u"notes.db"_s);
        mWindow->document()->reset(notebookProject(), QString(), u"notebook"_s);
        mWindow->setMode(MainWindow::Mode::Data);
        DataPage *page = mWindow->dataPage();
        QString error;
        if (!page->connectTo(*url, &error)) {
            qWarning("cannot connect: %s", qPrintable(error));
            return nullptr;
        }
        DatabaseConnection connection(*url);
        if (!connection.open(&error))
            return nullptr;
        const Schema schema = mWindow->document()->schema();
        RecordStore store(schema, connection);
        store.setClock([] { return kDeletedAt; });
        if (!store.save(u"author"_s, json(R"({"name": "Ann"})")).ok)
            return nullptr;
        for (const char *text : {"alpha", "beta", "gamma"})
            if (!store
                     .save(u"note"_s, QJsonObject{{u"text"_s, QString::fromLatin1(text)}, {u"authorId"_s, 1}})
                     .ok)
                return nullptr;
        if (!store.remove(u"note"_s, 2).ok)
            return nullptr;
        page->setModel(u"note"_s);
        return page;
    }
    static RecordListModel *listModel(DataPage *page) {
        return qobject_cast<RecordListModel *>(page->recordList()->model());
    }
    static void clickRow(DataPage *page, int row) {
        QTableView *list = page->recordList();
        const QRect rect = list->visualRect(list->model()->index(row, 0));
        QVERIFY(rect.isValid());
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    }
    static QPushButton *button(DataPage *page, const QString &name) {
        return page->findChild<QPushButton *>(name);
    }
    // Ticks or unticks Show deleted with the mouse.
    static void clickShowDeleted(DataPage *page) {
        QCheckBox *box = page->showDeletedBox();
        QVERIFY(box->isEnabled());
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2)); // on the indicator
    }
};

void TstParanoidForm::showDeletedAndRestore() {
    QTemporaryDir dir;
    ConnectionUrl url;
    DataPage *page = openNotebook(dir, &url);
    QVERIFY(page);
    QCheckBox *showDeleted = page->showDeletedBox();
    QVERIFY(showDeleted->isEnabled());
    QVERIFY(!showDeleted->isChecked());
    QCOMPARE(listModel(page)->rowCount(), 2);
    page->setModel(u"author"_s); // not paranoid: nothing deleted to show
    QVERIFY(!showDeleted->isEnabled());
    page->setModel(u"note"_s);

    // Listing the deleted ones keeps what is typed in the form.
    RecordSection *form = page->form();
    type(form, u"text"_s, u"draft"_s);
    QVERIFY(page->hasUnsavedInput());
    CHECK(clickShowDeleted(page));
    QVERIFY(showDeleted->isChecked());
    RecordListModel *list = listModel(page);
    QCOMPARE(list->rowCount(), 3);
    QCOMPARE(lineEdit(form, u"text"_s)->text(), u"draft"_s);
    QVERIFY(page->hasUnsavedInput());
    const int beta = list->rowOfKey(2);
    QCOMPARE(beta, 1);
    QVERIFY(list->data(list->index(beta, 0), Qt::FontRole).value<QFont>().strikeOut());
    QVERIFY(!list->data(list->index(0, 0), Qt::FontRole).isValid());
    QVERIFY(!list->data(list->index(beta, list->deletedAtColumn()), Qt::FontRole).isValid());
    QVERIFY(list->data(list->index(beta, 0), Qt::ForegroundRole).isValid());
    QCOMPARE(list->data(list->index(beta, 1), Qt::ToolTipRole).toString(),
             u"deleted 2030-05-06 07:08:09 UTC"_s);
    // When each was deleted is in view: the deletedAt column comes right after the key.
    QHeaderView *header = page->recordList()->horizontalHeader();
    QCOMPARE(list->headerData(list->deletedAtColumn(), Qt::Horizontal, Qt::DisplayRole).toString(),
             u"deletedAt"_s);
    QCOMPARE(header->visualIndex(list->deletedAtColumn()), 1);

    // Selecting it asks about the draft, then shows it read-only, with its author, and Restore for Delete.
    QString asked;
    answerMessageBox(QMessageBox::Discard, &asked);
    CHECK(clickRow(page, beta));
    QCOMPARE(asked, u"The new note has not been saved.\n\nSave it now?"_s);
    QVERIFY(page->showsDeletedRecord());
    QCOMPARE(lineEdit(form, u"text"_s)->text(), u"beta"_s);
    QCOMPARE(form->picker(u"author"_s)->currentText(), u"Ann (#1)"_s);
    QVERIFY(!form->isEnabled());
    QVERIFY(!lineEdit(form, u"text"_s)->isEnabled());
    QVERIFY(form->title().contains(u"deleted 2030-05-06 07:08:09 UTC"_s));
    QVERIFY(button(page, u"restoreButton"_s)->isVisible());
    QVERIFY(!button(page, u"deleteButton"_s)->isVisible());
    QVERIFY(!page->saveButton()->isEnabled());
    QVERIFY2(page->messageLabel()->text().startsWith(u"note #2 was deleted 2030-05-06 07:08:09 UTC. It is "
                                                     u"shown read-only"_s),
             qPrintable(page->messageLabel()->text()));
    if (const QString shots = qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR"); !shots.isEmpty())
        QVERIFY(mWindow->grab().save(shots + u"/data-show-deleted.png"_s));
    QVERIFY(!page->saveRecord()); // Ctrl+S cannot write to it
    QVERIFY(!page->deleteRecord(false));
    QCOMPARE(countRows(url, u"notes"_s, u" WHERE deletedAt >= '2030-05-06' AND deletedAt < '2030-05-07'"_s),
             1);

    // Restore: it is live again in the database, the list, the form and the status bar.
    QTest::mouseClick(button(page, u"restoreButton"_s), Qt::LeftButton);
    QCOMPARE(countRows(url, u"notes"_s, u" WHERE deletedAt IS NULL"_s), 3);
    QCOMPARE(page->messageLabel()->text(), u"Restored note #2."_s);
    QVERIFY(page->messageLabel()->isVisible());
    QCOMPARE(mWindow->statusBar()->currentMessage(), u"Restored note #2."_s);
    QVERIFY(!page->showsDeletedRecord());
    QVERIFY(form->isEnabled());
    QCOMPARE(form->title(), u"Note"_s);
    QCOMPARE(form->subtitle(), u"model note · table notes"_s);
    QVERIFY(!button(page, u"restoreButton"_s)->isVisible());
    QVERIFY(button(page, u"deleteButton"_s)->isVisible());
    QCOMPARE(list->rowCount(), 3);
    QVERIFY(list->deletedAt(beta).isNull());
    QVERIFY(!list->data(list->index(beta, 0), Qt::FontRole).isValid());
    QCOMPARE(page->recordList()->selectionModel()->selectedRows().value(0).row(), beta);
    type(form, u"text"_s, u"beta, again"_s);
    QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
    QCOMPARE(countRows(url, u"notes"_s, u" WHERE text = 'beta, again' AND deletedAt IS NULL"_s), 1);

    // Deleted again, it stays listed while Show deleted is on; turning it off takes the read-only record
    // out of the form too.
    QVERIFY(page->deleteRecord(false));
    QVERIFY(page->messageLabel()->isVisible());
    QCOMPARE(page->messageLabel()->text(), u"Deleted note #2."_s);
    QCOMPARE(mWindow->statusBar()->currentMessage(), u"Deleted note #2."_s);
    QCOMPARE(list->rowCount(), 3);
    QVERIFY(!list->deletedAt(beta).isNull());
    if (const QString shots = qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR"); !shots.isEmpty())
        QVERIFY(mWindow->grab().save(shots + u"/data-show-deleted-list.png"_s));
    CHECK(clickRow(page, beta));
    QVERIFY(page->showsDeletedRecord());
    CHECK(clickShowDeleted(page));
    QCOMPARE(list->rowCount(), 2);
    QCOMPARE(header->visualIndex(list->deletedAtColumn()), list->deletedAtColumn());
    QVERIFY(!page->showsDeletedRecord());
    QCOMPARE(keyLabel(form)->text(), u"new record"_s);
    QVERIFY(form->isEnabled());
    QVERIFY(button(page, u"deleteButton"_s)->isVisible());
}

void TstParanoidForm::restoreFindsItRestoredElsewhere() {
    QTemporaryDir dir;
    ConnectionUrl url;
    DataPage *page = openNotebook(dir, &url);
    QVERIFY(page);
    CHECK(clickShowDeleted(page));
    CHECK(clickRow(page, listModel(page)->rowOfKey(2)));
    QVERIFY(page->showsDeletedRecord());
    {
        DatabaseConnection connection(url);
        QString error;
        QVERIFY2(connection.open(&error), qPrintable(error));
        const Schema schema = mWindow->document()->schema();
        RecordStore elsewhere(schema, connection);
        QVERIFY(elsewhere.restore(u"note"_s, 2).ok);
    }
    QTest::mouseClick(button(page, u"restoreButton"_s), Qt::LeftButton);
    QCOMPARE(page->messageLabel()->text(),
             u"note #2 was not restored: there is no deleted note with key 2"_s);
    QVERIFY(!mWindow->statusBar()->currentMessage().contains(u"Restored"_s));
    // The form shows what the database holds now: a live record, editable, with Delete.
    QVERIFY(!page->showsDeletedRecord());
    QVERIFY(page->form()->isEnabled());
    QCOMPARE(lineEdit(page->form(), u"text"_s)->text(), u"beta"_s);
    QVERIFY(button(page, u"deleteButton"_s)->isVisible());
    QVERIFY(listModel(page)->deletedAt(listModel(page)->rowOfKey(2)).isNull());
}

QTEST_MAIN(TstParanoidForm)
#include "tst_paranoidform.moc"
