// The data form asks the core and shows what it answers: after a save the graph the store returned (no
// reload, only the pickers of the models it holds re-read), keys that are not called `id`, and the delete
// preview before a delete.
#include "schema/fieldvalue.h"
#include "support/dataformfixture.h"

#include <QStandardPaths>
#include <QStatusBar>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

class TstDataForm : public DataFormFixture {
    Q_OBJECT

private slots:
    void init() { setUpWindow(); }
    void cleanup() { tearDownWindow(); }

    void saveShowsTheReturnedGraph() {
        QTemporaryDir dir;
        const ConnectionUrl url = sqliteIn(dir, u"shown.db"_s);
        DataPage *page = openData(u"seed"_s, url);
        QVERIFY(page);
        RecordSection *form = page->form();
        RecordSection *child = form->childSection(u"user_test"_s);
        type(form, u"name"_s, u"Pavitar"_s);
        type(form, u"email"_s, u"1@gmail.com"_s);
        type(child, u"code"_s, u"1234"_s);
        QCOMPARE(keyLabel(form)->text(), u"new record"_s);
        const int loads = page->reads().loads;
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
        QCOMPARE(page->reads().loads, loads);
        const qint64 userId = valueOf(url, u"SELECT id FROM testUsers"_s).toLongLong();
        const qint64 testId = valueOf(url, u"SELECT id FROM tests"_s).toLongLong();
        QCOMPARE(keyLabel(form)->text(), u"#%1"_s.arg(userId));
        QCOMPARE(keyLabel(child)->text(), u"#%1"_s.arg(testId));
        QCOMPARE(page->messageLabel()->text(),
                 u"Saved testUser #%1, user_test #%2."_s.arg(userId).arg(testId));
        // The form now holds the saved record with its keys, so the next save updates it.
        const QJsonObject shown = form->record();
        QCOMPARE(shown.value(u"id"_s).toInteger(), userId);
        QCOMPARE(shown.value(u"user_test"_s).toObject().value(u"id"_s).toInteger(), testId);
        QCOMPARE(shown.value(u"user_test"_s).toObject().value(u"code"_s).toString(), u"1234"_s);

        type(form, u"name"_s, u"Pavitar Singh"_s);
        type(child, u"code"_s, u"5678"_s);
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
        QCOMPARE(page->reads().loads, loads);
        QCOMPARE(page->messageLabel()->text(),
                 u"Updated testUser #%1, user_test #%2."_s.arg(userId).arg(testId));
        QCOMPARE(lineEdit(form, u"name"_s)->text(), u"Pavitar Singh"_s);
        QCOMPARE(lineEdit(child, u"code"_s)->text(), u"5678"_s);
        QCOMPARE(keyLabel(child)->text(), u"#%1"_s.arg(testId));
        QCOMPARE(countRows(url, u"tests"_s), 1);
        QCOMPARE(countRows(url, u"tests"_s, u" WHERE code = '5678'"_s), 1);
    }

    // Save As offers to take the records along: copied beside the new project file (and the form shows them
    // there), or left where they are with a word in the status bar; a project file never opens a stranger's
    // empty database without saying so.
    void saveAsTakesTheRecordsAlong() {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        QVERIFY(mWindow->openExample(u"seed"_s));
        mWindow->setMode(MainWindow::Mode::Data);
        DataPage *page = mWindow->dataPage();
        const ConnectionUrl before = page->defaultUrl();
        QFile::remove(before.path);
        QString error;
        QVERIFY2(page->connectTo(before, &error), qPrintable(error));
        type(page->form(), u"name"_s, u"Kept"_s);
        type(page->form(), u"email"_s, u"kept@example.com"_s);
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));

        QString asked;
        answerMessageBox(QMessageBox::Yes, &asked);
        QVERIFY(mWindow->saveAs(dir.filePath(u"copied.modeldesk"_s)));
        QVERIFY2(asked.contains(QDir::toNativeSeparators(before.path)), qPrintable(asked));
        const ConnectionUrl copy = ConnectionUrl::file(dir.filePath(u"copied.db"_s));
        QCOMPARE(countRows(copy, u"testUsers"_s, u" WHERE name = 'Kept'"_s), 1);
        QVERIFY2(page->where().contains(u"copied.db"_s), qPrintable(page->where()));
        QCOMPARE(page->recordList()->model()->rowCount(), 1);
        QVERIFY2(mWindow->statusBar()->currentMessage().contains(u"Copied the records to"_s),
                 qPrintable(mWindow->statusBar()->currentMessage()));

        answerMessageBox(QMessageBox::No, &asked);
        QVERIFY(mWindow->saveAs(dir.filePath(u"fresh.modeldesk"_s)));
        QVERIFY2(page->where().contains(u"fresh.db"_s), qPrintable(page->where()));
        QCOMPARE(page->recordList()->model()->rowCount(), 0);
        QVERIFY2(mWindow->statusBar()->currentMessage().contains(u"stay in"_s),
                 qPrintable(mWindow->statusBar()->currentMessage()));
        QCOMPARE(countRows(copy, u"testUsers"_s), 1); // untouched
        QFile::remove(before.path);
    }

    // A save the database refuses is told in the record's terms at the field ("code 1234 is already used by
    // another test", the engine's words in the message's tooltip); loading another record clears it.
    void databaseRefusalInTheRecordsTerms() {
        QTemporaryDir dir;
        const ConnectionUrl url = sqliteIn(dir, u"refused.db"_s);
        DataPage *page = openData(u"seed"_s, url);
        QVERIFY(page);
        {
            DatabaseConnection connection(url);
            QString error;
            QVERIFY2(connection.open(&error), qPrintable(error));
            QSqlQuery index(connection.database());
            QVERIFY(
                index.exec(u"CREATE UNIQUE INDEX tests_code ON tests (code)"_s)); // stricter than the design
        }
        RecordSection *form = page->form();
        RecordSection *child = form->childSection(u"user_test"_s);
        type(form, u"name"_s, u"First"_s);
        type(form, u"email"_s, u"first@example.com"_s);
        type(child, u"code"_s, u"1234"_s);
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
        page->newRecord();
        type(form, u"name"_s, u"Second"_s);
        type(form, u"email"_s, u"second@example.com"_s);
        type(child, u"code"_s, u"1234"_s);
        QVERIFY(!page->saveRecord());
        ValueEditor *code = child->editor(u"code"_s);
        QVERIFY(code);
        QCOMPARE(code->problem(), u"code 1234 is already used by another test"_s);
        QVERIFY2(
            page->messageLabel()->text().contains(u"user_test: code 1234 is already used by another test"_s),
            qPrintable(page->messageLabel()->text()));
        QVERIFY2(!page->messageLabel()->text().contains(u"constraint"_s),
                 qPrintable(page->messageLabel()->text()));
        QVERIFY2(page->messageLabel()->toolTip().contains(u"UNIQUE constraint failed: tests.code"_s),
                 qPrintable(page->messageLabel()->toolTip()));

        // Load the saved record (loadRecord itself does not ask about the typing): nothing is left over.
        QVERIFY(page->loadRecord(QJsonValue(valueOf(url, u"SELECT id FROM testUsers"_s).toLongLong())));
        QVERIFY(code->problem().isEmpty());
        QVERIFY(page->messageLabel()->isHidden());
    }

    // A save re-reads only the pickers listing a model its graph holds: saving an order that picks a
    // customer leaves the customer picker alone; one that creates a customer refreshes it.
    void pickersReReadOnlyWhatTheSaveChanged() {
        QTemporaryDir dir;
        const ConnectionUrl url = sqliteIn(dir, u"pickers.db"_s);
        DataPage *page = openData(u"shop"_s, url);
        QVERIFY(page);
        page->setModel(u"product"_s);
        type(page->form(), u"sku"_s, u"TEA-1"_s);
        type(page->form(), u"name"_s, u"Green tea"_s);
        type(page->form(), u"price"_s, u"4.50"_s);
        type(page->form(), u"stock"_s, u"10"_s);
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
        page->setModel(u"customer"_s);
        type(page->form(), u"name"_s, u"Ada"_s);
        type(page->form(), u"email"_s, u"ada@example.com"_s);
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));

        page->setModel(u"order"_s);
        RecordSection *form = page->form();
        QComboBox *customer = form->picker(u"customer"_s);
        QCOMPARE(page->reads().choices.value(u"customer"_s), 1); // filled once when the form was built
        customer->setCurrentIndex(1);
        QVERIFY2(customer->currentText().startsWith(u"Ada"_s), qPrintable(customer->currentText()));
        QTest::mouseClick(form->findChild<QPushButton *>(u"add_products"_s), Qt::LeftButton);
        QTableWidget *products = form->junctionGrid(u"products"_s);
        qobject_cast<QComboBox *>(products->cellWidget(0, 0))->setCurrentIndex(1);
        products->setItem(0, 1, new QTableWidgetItem(u"2"_s));    // quantity
        products->setItem(0, 2, new QTableWidgetItem(u"4.50"_s)); // unitPrice
        type(form, u"total"_s, u"9.00"_s);
        const int loads = page->reads().loads;
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
        QCOMPARE(page->reads().loads, loads);
        QCOMPARE(page->reads().choices.value(u"customer"_s), 1);
        QVERIFY2(customer->currentText().startsWith(u"Ada"_s), qPrintable(customer->currentText()));
        // The grid shows the saved graph's junction row: the product and its orderItem values.
        QCOMPARE(products->rowCount(), 1);
        auto *product = qobject_cast<QComboBox *>(products->cellWidget(0, 0));
        QVERIFY2(product->currentText().startsWith(u"TEA-1"_s), qPrintable(product->currentText()));
        QCOMPARE(products->item(0, 1)->text(), u"2"_s);
        QCOMPARE(products->item(0, 2)->text(), u"4.50"_s);
        QCOMPARE(countRows(url, u"orderItems"_s, u" WHERE quantity = 2 AND unitPrice = 4.5"_s), 1);

        // A new customer made in the order's picker: the graph holds it, so that picker is read again.
        page->newRecord();
        customer->setCurrentIndex(customer->count() - 1); // "New customer…"
        RecordSection *newCustomer = form->childSection(u"customer"_s);
        QVERIFY(newCustomer && newCustomer->isVisible());
        type(newCustomer, u"name"_s, u"Bob"_s);
        type(newCustomer, u"email"_s, u"bob@example.com"_s);
        type(form, u"total"_s, u"1.00"_s);
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
        QCOMPARE(page->reads().loads, loads);
        QCOMPARE(page->reads().choices.value(u"customer"_s), 2);
        const qint64 bob = valueOf(url, u"SELECT id FROM customers WHERE name = 'Bob'"_s).toLongLong();
        QCOMPARE(customer->currentText(), u"Bob (#%1)"_s.arg(bob));
        QCOMPARE(customer->currentData().toLongLong(), bob);
        QCOMPARE(countRows(url, u"orders"_s, u" WHERE customerId = %1"_s.arg(bob)), 1);
    }

    // Keys not called `id` all through the form: a STRING key typed in, a hasOne child's key in the saved
    // message, a grid's autoincrement key carried into the update, a picker and a "New …" section of them.
    void keysNotCalledId() {
        QTemporaryDir dir;
        const ConnectionUrl url = sqliteIn(dir, u"atlas.db"_s);
        mWindow->document()->reset(atlasProject(), QString(), u"atlas"_s);
        mWindow->setMode(MainWindow::Mode::Data);
        DataPage *page = mWindow->dataPage();
        QString error;
        QVERIFY2(page->connectTo(url, &error), qPrintable(error));
        page->setModel(u"country"_s);
        RecordSection *form = page->form();
        type(form, u"code"_s, u"NZ"_s);
        type(form, u"name"_s, u"New Zealand"_s);
        type(form->childSection(u"leader"_s), u"badge"_s, u"B7"_s);
        type(form->childSection(u"leader"_s), u"name"_s, u"Jacinda"_s);
        QTableWidget *regions = form->childGrid(u"regions"_s);
        QVERIFY(regions);
        auto *add = form->findChild<QPushButton *>(u"add_regions"_s);
        QTest::mouseClick(add, Qt::LeftButton);
        QTest::mouseClick(add, Qt::LeftButton);
        regions->setItem(0, 1, new QTableWidgetItem(u"North"_s)); // columns: regionNo, name
        regions->setItem(1, 1, new QTableWidgetItem(u"South"_s));
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
        QCOMPARE(page->messageLabel()->text(), u"Saved country #NZ, leader #B7."_s);
        QCOMPARE(keyLabel(form)->text(), u"#NZ"_s);
        QCOMPARE(keyLabel(form->childSection(u"leader"_s))->text(), u"#B7"_s);
        QCOMPARE(countRows(url, u"regions"_s, u" WHERE countryCode = 'NZ'"_s), 2);
        const QJsonArray shown = form->record().value(u"regions"_s).toArray();
        QCOMPARE(shown.size(), 2);
        QVERIFY(shown.at(0).toObject().value(u"regionNo"_s).isDouble());
        QCOMPARE(regions->item(0, 0)->text(),
                 FieldValue::toText(shown.at(0).toObject().value(u"regionNo"_s)));

        // An update goes by those keys: the regions are changed, not added again.
        regions->setItem(0, 1, new QTableWidgetItem(u"Northland"_s));
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
        QCOMPARE(page->messageLabel()->text(), u"Updated country #NZ, leader #B7."_s);
        QCOMPARE(countRows(url, u"regions"_s), 2);
        QCOMPARE(countRows(url, u"regions"_s, u" WHERE name = 'Northland'"_s), 1);
        QCOMPARE(countRows(url, u"leaders"_s, u" WHERE countryCode = 'NZ'"_s), 1);

        // A city picks the country by its code, or makes a new one.
        page->setModel(u"city"_s);
        form = page->form();
        QComboBox *country = form->picker(u"country"_s);
        const int nz = country->findText(u"New Zealand (#NZ)"_s);
        QVERIFY2(nz > 0, qPrintable(country->itemText(1)));
        country->setCurrentIndex(nz);
        type(form, u"name"_s, u"Wellington"_s);
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
        QCOMPARE(countRows(url, u"cities"_s, u" WHERE countryCode = 'NZ'"_s), 1);
        page->newRecord();
        country->setCurrentIndex(country->count() - 1); // "New country…"
        type(form->childSection(u"country"_s), u"code"_s, u"AU"_s);
        type(form->childSection(u"country"_s), u"name"_s, u"Australia"_s);
        form->childSection(u"country"_s)->childSection(u"leader"_s)->setChecked(false); // no leader yet
        type(form, u"name"_s, u"Perth"_s);
        QVERIFY2(page->saveRecord(), qPrintable(page->messageLabel()->text()));
        const qint64 perth = valueOf(url, u"SELECT id FROM cities WHERE name = 'Perth'"_s).toLongLong();
        QCOMPARE(page->messageLabel()->text(), u"Saved city #%1, country #AU."_s.arg(perth));
        QCOMPARE(country->currentText(), u"Australia (#AU)"_s);
        QCOMPARE(countRows(url, u"cities"_s, u" WHERE countryCode = 'AU'"_s), 1);
    }

    // Delete asks with the store's preview: how many linked records go, stay unlinked, or keep the record
    // from being deleted; and a blocked record is not deleted.
    void deleteAsksWithThePreview() {
        QTemporaryDir dir;
        const ConnectionUrl url = sqliteIn(dir, u"delete.db"_s);
        mWindow->document()->reset(atlasProject(), QString(), u"atlas"_s);
        mWindow->setMode(MainWindow::Mode::Data);
        DataPage *page = mWindow->dataPage();
        QString error;
        QVERIFY2(page->connectTo(url, &error), qPrintable(error));
        {
            DatabaseConnection connection(url);
            QVERIFY2(connection.open(&error), qPrintable(error));
            const Schema schema = mWindow->document()->schema();
            RecordStore store(schema, connection);
            const QList<QByteArray> countries{"{\"code\": \"NZ\", \"name\": \"New Zealand\", \"leader\": "
                                              "{\"badge\": \"B7\", \"name\": \"J\"},"
                                              " \"regions\": [{\"name\": \"North\"}, {\"name\": \"South\"}]}",
                                              "{\"code\": \"AU\", \"name\": \"Australia\", \"regions\": "
                                              "[{\"name\": \"Outback\"}]}"};
            for (const QByteArray &json : countries) {
                const RecordResult saved = store.save(u"country"_s, QJsonDocument::fromJson(json).object());
                QVERIFY2(saved.ok, qPrintable(saved.errorString()));
            }
            QVERIFY(
                store.save(u"city"_s, QJsonObject{{u"name"_s, u"Wellington"_s}, {u"countryCode"_s, u"NZ"_s}})
                    .ok);
            QVERIFY(
                store.save(u"embassy"_s, QJsonObject{{u"name"_s, u"Consulate"_s}, {u"hostCode"_s, u"AU"_s}})
                    .ok);
        }
        page->setModel(u"country"_s);
        QVERIFY(page->deleteQuestion(&error).isEmpty()); // nothing loaded
        QVERIFY(page->loadRecord(u"NZ"_s));
        bool blocked = true;
        const QString question = page->deleteQuestion(&error, &blocked);
        QVERIFY2(!question.isEmpty(), qPrintable(error));
        QVERIFY(!blocked);
        QVERIFY2(question.startsWith(u"Delete country #NZ?"_s), qPrintable(question));
        QVERIFY2(question.contains(u"1 leader record(s) stay, with countryCode set to NULL"_s),
                 qPrintable(question));
        QVERIFY2(question.contains(u"2 region record(s) deleted too (ON DELETE CASCADE)"_s),
                 qPrintable(question));
        QVERIFY2(question.contains(u"1 city record(s) stay, with countryCode set to NULL"_s),
                 qPrintable(question));
        QVERIFY2(!question.contains(u"embassy"_s), qPrintable(question)); // none refers to NZ

        // Australia's embassy keeps it: the question says so and nothing is deleted.
        QVERIFY(page->loadRecord(u"AU"_s));
        const QString refused = page->deleteQuestion(&error, &blocked);
        QVERIFY(blocked);
        QVERIFY2(refused.startsWith(u"country #AU cannot be deleted:"_s), qPrintable(refused));
        QVERIFY2(refused.contains(u"1 embassy record(s) refer to it through hostCode (ON DELETE RESTRICT)"_s),
                 qPrintable(refused));
        // Only why it is refused: not what would have followed (its region), which read as a contradiction.
        QVERIFY2(!refused.contains(u"deleted too"_s) && !refused.contains(u"region"_s), qPrintable(refused));
        QString shown;
        answerMessageBox(QMessageBox::Ok, &shown);
        QTest::mouseClick(page->findChild<QPushButton *>(u"deleteButton"_s), Qt::LeftButton);
        QCOMPARE(shown, refused);
        QCOMPARE(countRows(url, u"countries"_s), 2);

        // New Zealand: asked, answered yes, deleted as the question said.
        QVERIFY(page->loadRecord(u"NZ"_s));
        answerMessageBox(QMessageBox::Yes, &shown);
        QTest::mouseClick(page->findChild<QPushButton *>(u"deleteButton"_s), Qt::LeftButton);
        QCOMPARE(shown, question);
        QCOMPARE(page->messageLabel()->text(), u"Deleted country #NZ."_s);
        QCOMPARE(countRows(url, u"countries"_s), 1);
        QCOMPARE(countRows(url, u"regions"_s, u" WHERE countryCode = 'NZ'"_s), 0);
        QCOMPARE(countRows(url, u"regions"_s), 1); // Australia's
        QCOMPARE(countRows(url, u"leaders"_s, u" WHERE countryCode IS NULL"_s), 1);
        QCOMPARE(countRows(url, u"cities"_s, u" WHERE countryCode IS NULL"_s), 1);
    }
};

QTEST_MAIN(TstDataForm)
#include "tst_dataform.moc"
