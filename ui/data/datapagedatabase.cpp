// DataPage's side of the database: which one (the project's default file, or one chosen in Connect…), the
// session for the current design, the tables the design needs, and the records taken along on Save As. The
// rest of the page (list, form, record operations) is in datapage.cpp.
#include "data/connectdialog.h"
#include "data/datapage.h"
#include "data/datasession.h"
#include "db/databaseconnection.h"
#include "document/document.h"
#include "schema/schemavalidator.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>

namespace modeldesk {

using namespace Qt::StringLiterals;

void DataPage::chooseConnection() {
    if (!maybeKeepInput())
        return;
    ConnectDialog dialog(mSession ? mSession->url() : defaultUrl(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!connectTo(dialog.url(), &error))
        QMessageBox::warning(this, tr("Cannot Connect"), error);
}

ConnectionUrl DataPage::defaultUrl() const {
    if (!mDocument->filePath().isEmpty()) {
        const QFileInfo info(mDocument->filePath());
        return ConnectionUrl::file(info.absolutePath() + u'/' + info.completeBaseName() + u".db"_s);
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/data"_s;
    QDir().mkpath(dir);
    QString name = mDocument->displayName();
    name.replace(QRegularExpression(u"[^A-Za-z0-9_-]+"_s), u"-"_s);
    return ConnectionUrl::file(dir + u'/' + name + u".db"_s);
}

QString DataPage::takeRecordsAlong(const ConnectionUrl &before) {
    const ConnectionUrl after = defaultUrl();
    if (!before.isFile() || before.path == after.path)
        return {};
    if (mSession && !mSession->url().isFile())
        return {}; // the records are on the server the user chose, whatever the project is called
    const QString message = copyRecords(before, after);
    if (isVisible())
        activate(); // the page follows the project to its new records file (the design is unchanged)
    return message;
}

QString DataPage::copyRecords(const ConnectionUrl &before, const ConnectionUrl &after) {
    if (!QFileInfo(before.path).isFile())
        return {};
    const QString from = QDir::toNativeSeparators(before.path), to = QDir::toNativeSeparators(after.path);
    if (QFileInfo::exists(after.path))
        return tr("This project's records are in %1; those entered before Save As stay in %2.").arg(to, from);
    QMessageBox box(
        QMessageBox::Question, tr("Take the Records Along?"),
        tr("The records entered so far are in %1.\n\nCopy them to %2, beside the new project file? "
           "Otherwise the project starts with an empty database there, and the records stay where "
           "they are.")
            .arg(from, to),
        QMessageBox::Yes | QMessageBox::No, this);
    box.button(QMessageBox::Yes)->setText(tr("Copy Records"));
    box.button(QMessageBox::No)->setText(tr("Start Empty"));
    box.setDefaultButton(QMessageBox::Yes);
    if (box.exec() != QMessageBox::Yes)
        return tr("The records entered before stay in %1; this project's are in %2.").arg(from, to);
    DatabaseConnection source(before);
    QString error;
    if (!source.open(&error) || !source.copySqliteFileTo(after.path, &error)) {
        QMessageBox::warning(this, tr("Cannot Copy the Records"),
                             tr("%1\n\nThey stay in %2.").arg(error, from));
        return tr("The records stay in %1.").arg(from);
    }
    return tr("Copied the records to %1.").arg(to);
}

std::optional<ConnectionUrl> DataPage::connectedUrl() const {
    if (!mSession)
        return std::nullopt;
    return mSession->url();
}

std::optional<ConnectionUrl> DataPage::databaseUrl() const {
    if (mSession)
        return mSession->url();
    const ConnectionUrl url = defaultUrl();
    if (QFileInfo::exists(url.path))
        return url;
    return std::nullopt;
}

void DataPage::databaseChanged() {
    if (!mSession)
        return;
    mStale = true;
    if (isVisible())
        activate();
}

QString DataPage::where() const {
    return mSession ? mSession->where() : QString();
}

void DataPage::activate() {
    if (!mStale && mSession)
        return;
    // The design changed while a record was being typed: the form is about to be rebuilt for the new design.
    // Cancel keeps the old form (and its connection) until the input is settled.
    if (mSession && !maybeKeepInput())
        return;
    QString error;
    // Keep a server the user chose; the default file follows the project.
    const bool keep = mSession && (!mSession->url().isFile() || mKeepConnection);
    if (!connectTo(keep ? mSession->url() : defaultUrl(), &error))
        showMessage(error, true);
}

bool DataPage::connectTo(const ConnectionUrl &url, QString *error) {
    const QList<Problem> problems = SchemaValidator::validate(mDocument->schema());
    if (SchemaValidator::hasErrors(problems)) {
        *error = tr("The design has errors, so records cannot be saved yet. Fix them in Design mode (see the "
                    "Problems panel).");
        return false;
    }
    auto session = std::make_unique<DataSession>(mDocument->schema(), url);
    if (!session->open(error))
        return false;
    mSession = std::move(session);
    mStale = false;
    mReads = {};
    mMismatch.clear();
    if (!ensureTables(error)) {
        mSession.reset();
        return false;
    }
    mWhere->setText(tr("Data in %1").arg(mSession->where()));
    emit whereChanged(mSession->where());
    const QString current = mModel;
    mModelCombo->clear();
    for (const Model &m : mSession->schema().models)
        mModelCombo->addItem(m.name);
    setModel(mSession->schema().model(current) ? current : mModelCombo->itemText(0));
    return true;
}

// Compares the design with the database and offers to create what is missing; never drops anything.
bool DataPage::ensureTables(QString *error) {
    const SyncReport report = mSession->sync().compare();
    if (!report.ok) {
        *error = report.error;
        return false;
    }
    QStringList missing;
    QStringList refused;
    QStringList other;
    bool onlyMissingTables = true;
    int missingTables = 0;
    for (const SyncDifference &d : report.differences) {
        if (d.kind == SyncDifference::Kind::MissingTable || d.kind == SyncDifference::Kind::MissingColumn) {
            if (d.fix == SyncDifference::Fix::Refuse)
                refused << d.refusalText();
            else
                missing << d.toString();
        } else {
            other << d.toString();
        }
        if (d.kind == SyncDifference::Kind::MissingTable)
            ++missingTables;
        else
            onlyMissingTables = false;
    }
    const bool fresh = onlyMissingTables && missingTables == int(mSession->resolved().tables.size());
    // The core refuses to add a part of what is missing when the rest cannot be added (a NOT NULL column
    // without a default on a table with rows); the form stays usable for what already matches.
    const auto showRefused = [this](const QStringList &refusals) {
        mMismatch = tr("The database lacks what the design needs, and ModelDesk cannot add it (nothing was "
                       "changed): %1")
                        .arg(refusals.join(u"; "_s));
        showMessage(mMismatch, true);
        return true;
    };
    if (!refused.isEmpty())
        return showRefused(refused);
    if (!missing.isEmpty()) {
        // A brand-new database gets its tables without a question; an existing one is asked first.
        if (!fresh &&
            QMessageBox::question(this, tr("Update the Database?"),
                                  tr("The database lacks what the design needs:\n\n%1\n\nCreate it now? "
                                     "Nothing existing is changed or dropped.")
                                      .arg(missing.join(u'\n'))) != QMessageBox::Yes) {
            mMismatch = tr("The database does not match the design; saving may fail.");
            showMessage(mMismatch, true);
            return true;
        }
        const SyncReport applied = mSession->sync().sync(SyncMode::AddMissing);
        if (!applied.ok && !applied.refusals.isEmpty()) // rows arrived since the comparison
            return showRefused(applied.refusals);
        if (!applied.ok) {
            *error = applied.error;
            return false;
        }
        showMessage(fresh ? tr("Created the tables in %1.").arg(mSession->where())
                          : tr("Added %1.").arg(missing.join(u", "_s)),
                    false);
    }
    if (!other.isEmpty())
        showMessage(tr("The database differs from the design (not changed): %1").arg(other.join(u"; "_s)),
                    true);
    return true;
}

} // namespace modeldesk
