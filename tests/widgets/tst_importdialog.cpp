// File ▸ Import from Database…, driven as a person would: the connection form, the table checklist (filter,
// Select None, views and triggers listed as skipped), the preview with why each link was made, a link's kind
// and alias changed before the import; then the design is open as a new, unsaved document and the Data mode
// is connected to that database. Errors (no file, an empty database, a server that is not there, a wrong
// password) are a message in the dialog; a slow server can be cancelled. Real SQLite files, the PostgreSQL
// server of scripts/test, real widgets offscreen. With MODELDESK_SCREENSHOT_DIR set, each page is saved there
// as a PNG (the README's picture comes from here).
#include "data/connectionform.h"
#include "data/datapage.h"
#include "document/document.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"
#include "window/importdialog.h"
#include "window/importpreview.h"
#include "window/mainwindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTreeWidget>
#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

// A small shop as people write it by hand: a profile unique per customer (a hasOne), orders (a hasMany), a
// table nobody needs in the design, a view and a trigger.
const QStringList kShopSql = {
    u"CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT)"_s,
    u"CREATE UNIQUE INDEX customers_email ON customers (email)"_s,
    u"CREATE TABLE profiles (id INTEGER PRIMARY KEY, customerId INTEGER REFERENCES customers (id) ON DELETE "
    "CASCADE, bio TEXT)"_s,
    u"CREATE UNIQUE INDEX profiles_customer ON profiles (customerId)"_s,
    u"CREATE TABLE orders (id INTEGER PRIMARY KEY, customerId INTEGER REFERENCES customers (id), total "
    "DECIMAL(10,2))"_s,
    u"CREATE TABLE audit_log (id INTEGER PRIMARY KEY, message TEXT)"_s,
    u"CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100"_s,
    u"CREATE TRIGGER orders_audit AFTER INSERT ON orders BEGIN INSERT INTO audit_log (message) VALUES "
    "('order'); END"_s,
};

bool runSql(const ConnectionUrl &url, const QStringList &statements, QString *error) {
    DatabaseConnection connection(url);
    if (!connection.open(error))
        return false;
    for (const QString &sql : statements)
        if (!connection.execute(sql, error))
            return false;
    return true;
}

// A TCP port on 127.0.0.1 that accepts connections (the kernel completes them) and never answers: a server
// that hangs. Closing it resets what waits on it.
class SilentServer {
public:
    SilentServer() {
        mFd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        if (mFd < 0 || ::bind(mFd, reinterpret_cast<sockaddr *>(&address), size) != 0 ||
            ::listen(mFd, 8) != 0 || ::getsockname(mFd, reinterpret_cast<sockaddr *>(&address), &size) != 0)
            qFatal("cannot listen on 127.0.0.1");
        mPort = ntohs(address.sin_port);
    }
    ~SilentServer() { close(); }
    int port() const { return mPort; }
    void close() {
        if (mFd >= 0)
            ::close(mFd);
        mFd = -1;
    }

private:
    int mFd = -1;
    int mPort = 0;
};

int rowOf(QTableWidget *table, const QString &from, const QString &kind, const QString &to) {
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == from && table->item(row, 1)->text() == kind &&
            table->item(row, 3)->text() == to)
            return row;
    return -1;
}

} // namespace

class TstImportDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(mHome.isValid());
        qputenv("XDG_CONFIG_HOME", mHome.filePath(u"config"_s).toLocal8Bit());
        qputenv("XDG_DATA_HOME", mHome.filePath(u"data"_s).toLocal8Bit());
        QCoreApplication::setOrganizationName(u"ModelDeskImportDialogTest"_s);
    }
    void init() {
        mWindow = std::make_unique<MainWindow>();
        mWindow->resize(1100, 760);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    }
    void cleanup() {
        if (mWindow)
            mWindow->document()->undoStack()->setClean();
        mWindow.reset();
        // A read left waiting on a server ends before the next test (the dialog is gone already).
        QThreadPool::globalInstance()->waitForDone();
    }

    void importsChosenTablesWithChangedLinks();
    void importsFromPostgres();
    void noFileIsAMessage();
    void emptyDatabaseIsAMessage();
    void unreachableServerIsAMessage();
    void wrongPasswordIsAMessage();
    void slowServerCanBeCancelled();

private:
    // File ▸ Import from Database…, as the menu does it.
    ImportDialog *openDialog() {
        mWindow->action(u"actionImportDatabase"_s)->trigger();
        auto *dialog = mWindow->findChild<ImportDialog *>();
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }
    // Chooses the engine in the form's Kind list by its shown name ("SQLite file", "PostgreSQL").
    static void chooseKind(ImportDialog *dialog, const QString &startsWith) {
        auto *kind = dialog->findChild<QComboBox *>(u"connectionKind"_s);
        for (int i = 0; i < kind->count(); ++i)
            if (kind->itemText(i).startsWith(startsWith))
                kind->setCurrentIndex(i);
    }
    static void typeInto(ImportDialog *dialog, const char *name, const QString &text) {
        auto *edit = dialog->findChild<QLineEdit *>(QString::fromLatin1(name));
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }
    static void typeServer(ImportDialog *dialog, const ConnectionUrl &url) {
        chooseKind(dialog, url.dialect().title());
        typeInto(dialog, "connectionHost", url.host);
        auto *port = dialog->findChild<QSpinBox *>(u"connectionPort"_s);
        port->setValue(url.port);
        typeInto(dialog, "connectionDatabase", url.database);
        typeInto(dialog, "connectionUser", url.user);
        typeInto(dialog, "connectionPassword", url.password);
    }
    static void screenshot(QWidget *widget, const QString &name) {
        const QString dir = qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(dir + u'/' + name));
    }
    // Edits a cell of the links table as a person does: select it, F2, then the editor.
    static QWidget *startEditing(QTableWidget *table, int row, int column) {
        table->setFocus();
        table->setCurrentCell(row, column);
        QTest::keyClick(table, Qt::Key_F2);
        return QApplication::focusWidget();
    }

    QTemporaryDir mHome;
    std::unique_ptr<MainWindow> mWindow;
};

void TstImportDialog::importsChosenTablesWithChangedLinks() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"shop.db"_s);
    QString error;
    QVERIFY2(runSql(ConnectionUrl::file(path), kShopSql, &error), qPrintable(error));

    ImportDialog *dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->page(), ImportDialog::Page::Connection);
    chooseKind(dialog, u"SQLite"_s);
    typeInto(dialog, "connectionPath", path);
    screenshot(dialog, u"import-connection.png"_s);
    QTest::keyClick(dialog->findChild<QLineEdit *>(u"connectionPath"_s), Qt::Key_Return); // Read Tables
    QTRY_COMPARE(dialog->page(), ImportDialog::Page::Tables);

    // Four tables, all ticked; the view and the trigger listed, greyed, not to be ticked.
    QListWidget *tables = dialog->tableList();
    QStringList texts;
    int checkable = 0;
    for (int i = 0; i < tables->count(); ++i) {
        texts << tables->item(i)->text();
        if (tables->item(i)->flags() & Qt::ItemIsUserCheckable) {
            ++checkable;
            QCOMPARE(tables->item(i)->checkState(), Qt::Checked);
        } else {
            QVERIFY(!(tables->item(i)->flags() & Qt::ItemIsEnabled));
        }
    }
    QCOMPARE(checkable, 4);
    QVERIFY2(texts.filter(u"big_orders (view, skipped"_s).size() == 1, qPrintable(texts.join(u'\n')));
    QVERIFY2(texts.filter(u"orders_audit (trigger, skipped"_s).size() == 1, qPrintable(texts.join(u'\n')));
    auto *count = dialog->findChild<QLabel *>(u"importTableCount"_s);
    QVERIFY2(count->text() == u"4 of 4 tables chosen; not imported: 1 trigger, 1 view"_s,
             qPrintable(count->text()));

    // The page starts in the filter; Tab goes on to Select All, Select None, the list, then the buttons.
    QApplication::setActiveWindow(dialog);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dialog->tableFilter()));
    QStringList tabStops;
    for (int i = 0; i < 4; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        tabStops << QApplication::focusWidget()->objectName();
    }
    QCOMPARE(tabStops,
             (QStringList{u"importSelectAll"_s, u"importSelectNone"_s, u"importTables"_s, u"importBack"_s}));
    dialog->tableFilter()->setFocus();

    // Filter to the audit log and untick it with Select None; the filter away, the others are still ticked.
    QTest::keyClicks(dialog->tableFilter(), u"AUDIT_L"_s); // the filter ignores case
    int shown = 0;
    for (int i = 0; i < tables->count(); ++i)
        shown += tables->item(i)->isHidden() ? 0 : 1;
    QCOMPARE(shown, 1);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"importSelectNone"_s), Qt::LeftButton);
    dialog->tableFilter()->clear();
    QVERIFY2(count->text().startsWith(u"3 of 4 tables chosen;"_s), qPrintable(count->text()));
    screenshot(dialog, u"import-tables.png"_s);
    QTest::keyClick(tables, Qt::Key_Return); // Preview
    QCOMPARE(dialog->page(), ImportDialog::Page::Preview);

    // The models of the three tables; the links with their evidence.
    QTreeWidget *models = dialog->preview()->modelList();
    QStringList modelNames;
    for (int i = 0; i < models->topLevelItemCount(); ++i)
        modelNames << models->topLevelItem(i)->text(0);
    modelNames.sort();
    QCOMPARE(modelNames, (QStringList{u"customer"_s, u"order"_s, u"profile"_s}));
    QTableWidget *links = dialog->preview()->linkTable();
    const int hasOne = rowOf(links, u"customer"_s, u"hasOne"_s, u"profile"_s);
    QVERIFY2(hasOne >= 0, "customer hasOne profile is in the preview");
    QCOMPARE(links->item(hasOne, 2)->text(), u"profile"_s);
    const QString why = links->item(hasOne, 4)->text();
    QVERIFY2(why.contains(u"profiles.customerId -> customers.id"_s) && why.contains(u"profiles_customer"_s) &&
                 why.contains(u"hasOne"_s),
             qPrintable(why));
    const int hasMany = rowOf(links, u"customer"_s, u"hasMany"_s, u"order"_s);
    QVERIFY(hasMany >= 0);
    QVERIFY2(links->item(hasMany, 4)->text().contains(u"not unique"_s),
             qPrintable(links->item(hasMany, 4)->text()));
    screenshot(dialog, u"import-preview.png"_s);

    // The hasOne made a hasMany: the alias nobody chose follows ("profiles").
    auto *kindEditor = qobject_cast<QComboBox *>(startEditing(links, hasOne, 1));
    QVERIFY2(kindEditor, "F2 on a hasOne's kind opens a list of kinds");
    QCOMPARE(kindEditor->count(), 2);
    kindEditor->setCurrentText(u"hasMany"_s);
    QTest::keyClick(kindEditor, Qt::Key_Return);
    QTRY_COMPARE(links->item(hasOne, 1)->text(), u"hasMany"_s); // the delegate commits on the next turn
    QCOMPARE(links->item(hasOne, 2)->text(), u"profiles"_s);
    // A belongsTo keeps its kind: nothing to edit.
    const int belongsTo = rowOf(links, u"order"_s, u"belongsTo"_s, u"customer"_s);
    QVERIFY(belongsTo >= 0);
    QVERIFY(!qobject_cast<QComboBox *>(startEditing(links, belongsTo, 1)));
    // The orders are "purchases".
    auto *aliasEditor = qobject_cast<QLineEdit *>(startEditing(links, hasMany, 2));
    QVERIFY2(aliasEditor, "F2 on an alias opens a line edit");
    aliasEditor->selectAll();
    QTest::keyClicks(aliasEditor, u"purchases"_s);
    QTest::keyClick(aliasEditor, Qt::Key_Return);
    QTRY_COMPARE(links->item(hasMany, 2)->text(), u"purchases"_s);

    // Import (Enter on the table presses the dialog's default button).
    QVERIFY(dialog->nextButton()->isDefault());
    QCOMPARE(dialog->nextButton()->text().remove(u'&'), u"Import"_s);
    QTest::keyClick(links, Qt::Key_Return);
    QTRY_VERIFY(!mWindow->findChild<ImportDialog *>());

    const Document *document = mWindow->document();
    const Schema &schema = document->schema();
    QCOMPARE(schema.models.size(), 3);
    QVERIFY(!schema.model(u"auditLog"_s));
    const auto linkOf = [&](const QString &source, const QString &target, Link::Kind kind) -> const Link * {
        for (const Link &link : schema.links)
            if (link.source == source && link.target == target && link.kind == kind)
                return &link;
        return nullptr;
    };
    QVERIFY(linkOf(u"customer"_s, u"profile"_s, Link::Kind::HasMany));
    QCOMPARE(linkOf(u"customer"_s, u"profile"_s, Link::Kind::HasMany)->as, u"profiles"_s);
    QVERIFY(!linkOf(u"customer"_s, u"profile"_s, Link::Kind::HasOne));
    QCOMPARE(linkOf(u"customer"_s, u"order"_s, Link::Kind::HasMany)->as, u"purchases"_s);
    QCOMPARE(linkOf(u"profile"_s, u"customer"_s, Link::Kind::BelongsTo)->onDelete, u"CASCADE"_s);
    // Laid out: every model has a place of its own.
    QSet<QPair<qreal, qreal>> places;
    for (const Model &model : schema.models) {
        QVERIFY(document->project().layout.positions.contains(model.name));
        const QPointF at = document->position(model.name);
        places.insert({at.x(), at.y()});
    }
    QCOMPARE(places.size(), 3);
    // New and unsaved: no file, marked modified, named after the database.
    QVERIFY(document->filePath().isEmpty());
    QVERIFY(document->isModified());
    QCOMPARE(document->displayName(), u"shop.db (imported)"_s);
    QVERIFY(mWindow->isWindowModified());
    // The Data mode is on that database, also after switching to it and after a change of the design.
    QCOMPARE(mWindow->dataPage()->connectedUrl()->path, path);
    mWindow->setMode(MainWindow::Mode::Data);
    QVERIFY2(mWindow->dataPage()->where().contains(u"shop.db"_s), qPrintable(mWindow->dataPage()->where()));
    QCOMPARE(mWindow->dataPage()->connectedUrl()->path, path);
    mWindow->setMode(MainWindow::Mode::Design);
    Model order = *schema.model(u"order"_s);
    order.comment = u"placed in the shop"_s;
    mWindow->document()->replaceModel(int(schema.models.indexOf(*schema.model(u"order"_s))), order);
    mWindow->setMode(MainWindow::Mode::Data);
    QCOMPARE(mWindow->dataPage()->connectedUrl()->path, path);
}

void TstImportDialog::importsFromPostgres() {
    MODELDESK_REQUIRE_SERVER(serverUrl, "MODELDESK_TEST_PG_URL");
    ScratchDatabase scratch;
    QString error;
    QVERIFY2(scratch.create(u"postgres"_s, serverUrl, &error), qPrintable(error));
    QVERIFY2(runSql(scratch.connectionUrl(),
                    {u"CREATE TABLE authors (id SERIAL PRIMARY KEY, name TEXT NOT NULL)"_s,
                     u"CREATE TABLE books (id SERIAL PRIMARY KEY, title TEXT NOT NULL, authorId INTEGER NOT "
                     "NULL REFERENCES authors (id))"_s,
                     u"CREATE VIEW titles AS SELECT title FROM books"_s},
                    &error),
             qPrintable(error));
    ImportDialog *dialog = openDialog();
    QVERIFY(dialog);
    typeServer(dialog, scratch.connectionUrl());
    QTest::mouseClick(dialog->nextButton(), Qt::LeftButton);
    QTRY_COMPARE(dialog->page(), ImportDialog::Page::Tables);
    QCOMPARE(dialog->tableList()->count(), 3); // authors, books, the view
    QTest::mouseClick(dialog->nextButton(), Qt::LeftButton);
    QCOMPARE(dialog->page(), ImportDialog::Page::Preview);
    QVERIFY(rowOf(dialog->preview()->linkTable(), u"author"_s, u"hasMany"_s, u"book"_s) >= 0);
    QTest::mouseClick(dialog->nextButton(), Qt::LeftButton);
    QTRY_VERIFY(!mWindow->findChild<ImportDialog *>());
    QCOMPARE(mWindow->document()->schema().models.size(), 2);
    QCOMPARE(mWindow->dataPage()->connectedUrl()->database, scratch.connectionUrl().database);
    mWindow->setMode(MainWindow::Mode::Data);
    QCOMPARE(mWindow->dataPage()->connectedUrl()->database, scratch.connectionUrl().database);
    mWindow->document()->undoStack()->setClean();
    mWindow.reset(); // its connection goes before the scratch database is dropped
}

void TstImportDialog::noFileIsAMessage() {
    QTemporaryDir dir;
    ImportDialog *dialog = openDialog();
    QVERIFY(dialog);
    chooseKind(dialog, u"SQLite"_s);
    QTest::mouseClick(dialog->nextButton(), Qt::LeftButton);
    QVERIFY(dialog->errorLabel()->isVisible());
    QCOMPARE(dialog->errorLabel()->text(), u"Choose the SQLite file to import."_s);
    typeInto(dialog, "connectionPath", dir.filePath(u"missing.db"_s));
    QVERIFY(!dialog->errorLabel()->isVisible()); // the form changed: the old message goes
    QTest::mouseClick(dialog->nextButton(), Qt::LeftButton);
    QVERIFY(dialog->errorLabel()->text().startsWith(u"There is no SQLite file at "_s));
    QCOMPARE(dialog->page(), ImportDialog::Page::Connection);
    QVERIFY(!QFile::exists(dir.filePath(u"missing.db"_s))); // nothing created
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!mWindow->findChild<ImportDialog *>());
    QCOMPARE(mWindow->document()->schema().models.size(), 0);
}

void TstImportDialog::emptyDatabaseIsAMessage() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"views-only.db"_s);
    QString error;
    QVERIFY2(runSql(ConnectionUrl::file(path), {u"CREATE VIEW answer AS SELECT 42 AS value"_s}, &error),
             qPrintable(error));
    ImportDialog *dialog = openDialog();
    QVERIFY(dialog);
    chooseKind(dialog, u"SQLite"_s);
    typeInto(dialog, "connectionPath", path);
    QTest::mouseClick(dialog->nextButton(), Qt::LeftButton);
    QTRY_VERIFY(dialog->errorLabel()->isVisible());
    QVERIFY2(dialog->errorLabel()->text().contains(
                 u"has no tables to import, only what is not imported: 1 view."_s),
             qPrintable(dialog->errorLabel()->text()));
    QCOMPARE(dialog->page(), ImportDialog::Page::Connection);
    QVERIFY(dialog->nextButton()->isEnabled()); // another file can be tried
    screenshot(dialog, u"import-error.png"_s);
}

void TstImportDialog::unreachableServerIsAMessage() {
    // A port nothing listens on: one that was listened on and closed again.
    int port = 0;
    {
        SilentServer probe;
        port = probe.port();
    }
    ImportDialog *dialog = openDialog();
    QVERIFY(dialog);
    ConnectionUrl url;
    url.kind = SqlDialect::Kind::Postgres;
    url.host = u"127.0.0.1"_s;
    url.port = port;
    url.database = u"shop"_s;
    url.user = u"nobody"_s;
    typeServer(dialog, url);
    QTest::mouseClick(dialog->nextButton(), Qt::LeftButton);
    QTRY_VERIFY(dialog->errorLabel()->isVisible());
    QVERIFY2(dialog->errorLabel()->text().contains(QString::number(port)),
             qPrintable(dialog->errorLabel()->text()));
    QCOMPARE(dialog->page(), ImportDialog::Page::Connection);
    QVERIFY(dialog->connectionForm()->isEnabled());
}

void TstImportDialog::wrongPasswordIsAMessage() {
    // MariaDB checks passwords (the PostgreSQL of scripts/test trusts local connections).
    MODELDESK_REQUIRE_SERVER(serverUrl, "MODELDESK_TEST_MYSQL_URL");
    ConnectionUrl url = *ConnectionUrl::parse(serverUrl);
    url.password = u"not-the-password"_s;
    ImportDialog *dialog = openDialog();
    QVERIFY(dialog);
    typeServer(dialog, url);
    QTest::mouseClick(dialog->nextButton(), Qt::LeftButton);
    QTRY_VERIFY(dialog->errorLabel()->isVisible());
    const QString text = dialog->errorLabel()->text();
    QVERIFY2(text.startsWith(u"cannot open mysql://"_s) && text.contains(u"Access denied"_s),
             qPrintable(text));
    QVERIFY2(!text.contains(u"not-the-password"_s), qPrintable(text)); // never shown
    QCOMPARE(dialog->page(), ImportDialog::Page::Connection);
}

void TstImportDialog::slowServerCanBeCancelled() {
    // A "server" that accepts and then says nothing: the read waits (up to the connect timeout).
    SilentServer silent;
    ImportDialog *dialog = openDialog();
    QVERIFY(dialog);
    ConnectionUrl url;
    url.kind = SqlDialect::Kind::Postgres;
    url.host = u"127.0.0.1"_s;
    url.port = silent.port();
    url.database = u"shop"_s;
    url.user = u"nobody"_s;
    typeServer(dialog, url);
    QTest::mouseClick(dialog->nextButton(), Qt::LeftButton);
    auto *progress = dialog->findChild<QProgressBar *>(u"importProgress"_s);
    QVERIFY(progress->isVisible());
    QVERIFY(!dialog->nextButton()->isEnabled());
    QVERIFY(!dialog->connectionForm()->isEnabled());
    screenshot(dialog, u"import-reading.png"_s);
    // Escape stops the read and keeps the dialog, ready for another try.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QVERIFY(mWindow->findChild<ImportDialog *>());
    QVERIFY(!progress->isVisible());
    QVERIFY(dialog->nextButton()->isEnabled());
    QCOMPARE(dialog->errorLabel()->text(), u"Reading the tables was cancelled."_s);
    // The waiting thread ends when the "server" hangs up (cleanup() waits for it).
    silent.close();
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!mWindow->findChild<ImportDialog *>());
}

QTEST_MAIN(TstImportDialog)
#include "tst_importdialog.moc"
