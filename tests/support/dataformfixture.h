#pragma once

// The main window in Data mode, with the gestures the data-form tests share: typing into a section's editors,
// counting rows with a connection of the test's own (a failing query stops the test), answering a message
// box, and small designs. Test classes derive from it and call setUpWindow()/tearDownWindow() from
// init()/cleanup().
#include "data/datapage.h"
#include "data/linkgrid.h"
#include "data/recordsection.h"
#include "data/valueeditor.h"
#include "db/connectionurl.h"
#include "db/databaseconnection.h"
#include "document/document.h"
#include "document/modelcommands.h"
#include "records/recordstore.h"
#include "support/savetestsupport.h"
#include "support/testsupport.h"
#include "window/mainwindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace modeldesk::test {

using namespace Qt::StringLiterals;

inline QLineEdit *lineEdit(RecordSection *section, const QString &field) {
    ValueEditor *editor = section->editor(field);
    return editor ? editor->findChild<QLineEdit *>(u"input"_s) : nullptr;
}

inline void type(RecordSection *section, const QString &field, const QString &text) {
    QLineEdit *edit = lineEdit(section, field);
    QVERIFY2(edit, qPrintable(field));
    edit->clear();
    QTest::keyClicks(edit, text);
}

// Counts rows with a throw-away connection of the test's own; a query that fails stops the test.
inline qint64 countRows(const ConnectionUrl &url, const QString &table, const QString &where = {}) {
    DatabaseConnection connection(url);
    QString error;
    if (!connection.open(&error))
        qFatal("%s", qPrintable(error));
    return test::rowCount(connection, table, where);
}

// The label showing a section's own record key ("#12", or "new record").
inline QLabel *keyLabel(RecordSection *section) {
    return section->findChild<QLabel *>(u"keyLabel"_s, Qt::FindDirectChildrenOnly);
}

// One value read with a throw-away connection of the test's own.
inline QVariant valueOf(const ConnectionUrl &url, const QString &sql) {
    DatabaseConnection connection(url);
    QString error;
    if (!connection.open(&error))
        qFatal("%s", qPrintable(error));
    QSqlQuery q(connection.database());
    if (!q.exec(sql) || !q.next())
        qFatal("%s failed", qPrintable(sql));
    return q.value(0);
}

// Clicks `button` of the next message box as soon as it is shown, and keeps its text.
inline void answerMessageBox(QMessageBox::StandardButton button, QString *text) {
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->button(button))
            return;
        *text = box->text();
        poll->stop();
        poll->deleteLater();
        box->button(button)->click();
    });
    poll->start();
}

inline Field keyField(const QString &name, const DataType &type, bool autoIncrement = false) {
    Field field{name, type};
    field.primaryKey = true;
    field.autoIncrement = autoIncrement;
    return field;
}

inline Link link(Link::Kind kind, const QString &source, const QString &target, const QString &as,
                 const QString &foreignKey, const QString &onDelete) {
    Link l{kind, source, target};
    l.as = as;
    l.foreignKey = foreignKey;
    l.onDelete = onDelete;
    return l;
}

// No key called `id` where a link leads: country's key is `code` (a STRING), its leader's `badge`, its
// regions' `regionNo`. Cities and leaders are unlinked when their country goes (SET NULL), regions go with it
// (CASCADE), and an embassy keeps its country from being deleted (RESTRICT).
inline Project atlasProject() {
    Project project;
    Model country{u"country"_s};
    // The name first: a picker labels a record by its first text field.
    country.fields << Field{u"name"_s, DataType::string()} << keyField(u"code"_s, DataType::string(2));
    Model leader{u"leader"_s};
    leader.fields << Field{u"name"_s, DataType::string()} << keyField(u"badge"_s, DataType::string(8));
    Model region{u"region"_s};
    region.fields << keyField(u"regionNo"_s, DataType::integer(), true)
                  << Field{u"name"_s, DataType::string()};
    Model city{u"city"_s};
    city.fields << Field{u"name"_s, DataType::string()};
    Model embassy{u"embassy"_s};
    embassy.fields << Field{u"name"_s, DataType::string()};
    project.schema.models = {country, leader, region, city, embassy};
    project.schema.links = {
        link(Link::Kind::HasOne, u"country"_s, u"leader"_s, u"leader"_s, u"countryCode"_s, u"SET NULL"_s),
        link(Link::Kind::HasMany, u"country"_s, u"region"_s, u"regions"_s, u"countryCode"_s, u"CASCADE"_s),
        link(Link::Kind::BelongsTo, u"city"_s, u"country"_s, u"country"_s, u"countryCode"_s, u"SET NULL"_s),
        link(Link::Kind::BelongsTo, u"embassy"_s, u"country"_s, u"country"_s, u"hostCode"_s, u"RESTRICT"_s)};
    return project;
}

class DataFormFixture : public QObject {
protected:
    void setUpWindow() {
        mWindow = std::make_unique<MainWindow>();
        mWindow->resize(1300, 850);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    }
    void tearDownWindow() {
        mWindow->document()->undoStack()->setClean();
        mWindow.reset();
    }

    static ConnectionUrl sqliteIn(const QTemporaryDir &dir, const QString &file) {
        ConnectionUrl url;
        url.path = dir.filePath(file);
        return url;
    }

    // Opens the example, switches to Data mode and connects; null (with a failure logged) when that fails.
    DataPage *openData(const QString &example, const ConnectionUrl &url) {
        if (!mWindow->openExample(example))
            return nullptr;
        mWindow->setMode(MainWindow::Mode::Data);
        QString error;
        if (!mWindow->dataPage()->connectTo(url, &error)) {
            qWarning("cannot connect: %s", qPrintable(error));
            return nullptr;
        }
        return mWindow->dataPage();
    }

    std::unique_ptr<MainWindow> mWindow;
};

} // namespace modeldesk::test
