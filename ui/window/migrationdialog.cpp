#include "window/migrationdialog.h"

#include "db/migrationrunner.h"
#include "db/migrationsql.h"
#include "db/sequelizemigration.h"
#include "document/document.h"
#include "import/schemainference.h"
#include "project/projectfile.h"
#include "project/wholefile.h"
#include "schema/schemavalidator.h"
#include "window/catalogloader.h"
#include "window/migrationapplier.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace modeldesk {

using namespace Qt::StringLiterals;

MigrationDialog::MigrationDialog(const Document *document, QWidget *parent)
    : QDialog(parent)
    , mDocument(document)
    , mSource(new QLabel(this))
    , mSummary(new QLabel(this))
    , mSteps(new QListWidget(this))
    , mDialect(new QComboBox(this))
    , mSaveSql(new QPushButton(tr("Save as &SQL…"), this))
    , mSaveMigration(new QPushButton(tr("Save as Sequelize &Migration…"), this))
    , mSavedButton(new QPushButton(tr("&Last Saved Version"), this))
    , mFileButton(new QPushButton(tr("Other &File…"), this))
    , mDatabaseButton(new QPushButton(tr("Connected Data&base"), this))
    , mApply(new QPushButton(tr("&Apply to Database…"), this))
    , mStop(new QPushButton(tr("S&top"), this))
    , mProgress(new QProgressBar(this))
    , mLoader(new CatalogLoader(this))
    , mApplier(new MigrationApplier(this)) {
    setWindowTitle(tr("Migrations"));
    auto *layout = new QVBoxLayout(this);

    auto *sourceRow = new QHBoxLayout;
    mSource->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mSource->setWordWrap(true);
    sourceRow->addWidget(mSource, 1);
    sourceRow->addWidget(mSavedButton);
    sourceRow->addWidget(mFileButton);
    sourceRow->addWidget(mDatabaseButton);
    layout->addLayout(sourceRow);
    mDatabaseButton->setToolTip(tr("Open Data mode once to connect to a database"));

    mSummary->setWordWrap(true);
    layout->addWidget(mSummary);
    mSteps->setObjectName(u"migrationSteps"_s);
    mSteps->setAlternatingRowColors(true);
    mSteps->setSpacing(1);
    layout->addWidget(mSteps, 1);

    auto *saveRow = new QHBoxLayout;
    auto *dialectLabel = new QLabel(tr("&Dialect:"), this);
    dialectLabel->setBuddy(mDialect);
    for (const SqlDialect &dialect : SqlDialect::all())
        mDialect->addItem(dialect.title(), dialect.name());
    saveRow->addWidget(dialectLabel);
    saveRow->addWidget(mDialect);
    saveRow->addWidget(mSaveSql);
    saveRow->addStretch(1);
    saveRow->addWidget(mSaveMigration);
    layout->addLayout(saveRow);

    auto *applyRow = new QHBoxLayout;
    mProgress->setVisible(false);
    mProgress->setTextVisible(true);
    mStop->setVisible(false);
    mApply->setToolTip(tr("Open Data mode once to connect to a database"));
    applyRow->addWidget(mProgress, 1);
    applyRow->addWidget(mStop);
    applyRow->addStretch(0);
    applyRow->addWidget(mApply);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    applyRow->addWidget(buttons);
    layout->addLayout(applyRow);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mSavedButton, &QPushButton::clicked, this, &MigrationDialog::compareWithSaved);
    connect(mFileButton, &QPushButton::clicked, this, &MigrationDialog::chooseFile);
    connect(mSaveSql, &QPushButton::clicked, this, &MigrationDialog::chooseSqlFile);
    connect(mSaveMigration, &QPushButton::clicked, this, &MigrationDialog::chooseMigrationFolder);
    connect(mDatabaseButton, &QPushButton::clicked, this, &MigrationDialog::compareWithDatabase);
    connect(mApply, &QPushButton::clicked, this, &MigrationDialog::applyToDatabase);
    connect(mStop, &QPushButton::clicked, mApplier, &MigrationApplier::stop);
    connect(mLoader, &CatalogLoader::progress, this, [this](int done, int total) {
        mProgress->setRange(0, total);
        mProgress->setValue(done);
    });
    connect(mLoader, &CatalogLoader::failed, this, [this](const QString &error) {
        setBusy(false, {});
        mHasPlan = false;
        showMessage(tr("Cannot read %1: %2").arg(mDatabaseWhere, error));
        emit compared();
    });
    connect(mLoader, &CatalogLoader::loaded, this, [this](const DatabaseCatalog &catalog) {
        setBusy(false, {});
        usePlan(SchemaInference::infer(catalog).project.schema, mDatabaseWhere);
        emit compared();
    });
    connect(mApplier, &MigrationApplier::progress, this, [this](int done, int total) {
        mLastProgress = {done, total};
        mProgress->setRange(0, total);
        mProgress->setValue(done);
        if (total > 0)
            mProgress->setFormat(tr("Statement %1 of %2").arg(done).arg(total));
    });
    connect(mApplier, &MigrationApplier::finished, this, &MigrationDialog::finishApply);
    resize(680, 420);
    compareWithSaved();
}

QString MigrationDialog::message() const {
    return mSummary->text();
}

bool MigrationDialog::compareWithSaved() {
    if (mDocument->filePath().isEmpty()) {
        mHasPlan = false;
        mSource->setText(tr("This design has never been saved."));
        showMessage(
            tr("There is no saved version to compare with: save the design, or compare it with another "
               "project file (Other File…)."));
        return false;
    }
    return compareWith(mDocument->filePath(), tr("the last saved version"));
}

bool MigrationDialog::compareWithFile(const QString &path) {
    return compareWith(path, QString());
}

bool MigrationDialog::compareWith(const QString &oldPath, const QString &label) {
    const QString shown = QDir::toNativeSeparators(oldPath);
    const QString fileName = QFileInfo(oldPath).fileName().toHtmlEscaped();
    mSource->setText(label.isEmpty() ? tr("From <b>%1</b> to the open design.").arg(fileName)
                                     : tr("From %1 of <b>%2</b> to the open design.").arg(label, fileName));
    mSource->setToolTip(shown);
    QString error;
    const auto before = ProjectFile::load(oldPath, &error);
    if (!before) {
        mHasPlan = false;
        showMessage(tr("Cannot read %1: %2").arg(shown, error));
        return false;
    }
    return usePlan(before->schema, oldPath);
}

// Like `modeldesk diff`: a design with errors has no well-defined tables to migrate.
bool MigrationDialog::usePlan(const Schema &before, const QString &origin) {
    const auto firstError = [](const Schema &schema) {
        for (const Problem &problem : SchemaValidator::validate(schema))
            if (problem.isError())
                return problem.toString();
        return QString();
    };
    if (const QString problem = firstError(mDocument->schema()); !problem.isEmpty()) {
        mHasPlan = false;
        showMessage(tr("The open design has errors (see the Problems panel): %1").arg(problem));
        return false;
    }
    if (const QString problem = firstError(before); !problem.isEmpty()) {
        mHasPlan = false;
        showMessage(tr("%1 has errors: %2").arg(QDir::toNativeSeparators(origin), problem));
        return false;
    }
    mOldPath = origin;
    mBefore = before;
    mPlan = SchemaDiff::compare(mBefore, mDocument->schema());
    mHasPlan = true;
    showPlan();
    return true;
}

void MigrationDialog::setDatabase(const ConnectionUrl &url, const QString &where) {
    mDatabase = url;
    mDatabaseWhere = where;
    mDatabaseButton->setEnabled(true);
    mDatabaseButton->setToolTip(tr("Compare the design with what %1 holds").arg(where));
    mApply->setToolTip(tr("Apply the steps to %1").arg(where));
    const int index = mDialect->findData(url.dialect().name());
    if (index >= 0)
        mDialect->setCurrentIndex(index);
    updateButtons();
    // An untitled design (an imported database, say) has no saved version: the database is what it came from.
    if (mDocument->filePath().isEmpty())
        compareWithDatabase();
}

void MigrationDialog::compareWithDatabase() {
    if (!mDatabase || isApplying())
        return;
    mSource->setText(
        tr("From the database <b>%1</b> to the open design.").arg(mDatabaseWhere.toHtmlEscaped()));
    mSource->setToolTip(mDatabase->displayString());
    mHasPlan = false;
    showMessage(tr("Reading %1…").arg(mDatabaseWhere));
    mLoader->start(*mDatabase);
    setBusy(true, tr("Reading the database…"));
}

bool MigrationDialog::isApplying() const {
    return mApplier->isRunning();
}

void MigrationDialog::setBusy(bool busy, const QString &text) {
    mProgress->setVisible(busy);
    mProgress->setRange(0, 0); // busy until the first count arrives
    mProgress->setFormat(text);
    updateButtons();
}

// What can be clicked: nothing but Stop while the database is read or migrated; then what the plan allows.
void MigrationDialog::updateButtons() {
    const bool idle = !mLoader->isRunning() && !mApplier->isRunning();
    const bool writable = idle && mHasPlan && !mPlan.isEmpty() && mPlan.unsupported().isEmpty();
    mSavedButton->setEnabled(idle && !mDocument->filePath().isEmpty());
    mFileButton->setEnabled(idle);
    mDatabaseButton->setEnabled(idle && mDatabase.has_value());
    mDialect->setEnabled(idle);
    mSaveSql->setEnabled(writable);
    mSaveMigration->setEnabled(writable);
    mApply->setEnabled(writable && mDatabase.has_value());
}

bool MigrationDialog::applyToDatabase() {
    if (!mDatabase || !mHasPlan || mPlan.isEmpty() || !mPlan.unsupported().isEmpty() || isApplying())
        return false;
    const SqlDialect dialect = mDatabase->dialect();
    QString text = mPlan.steps.size() == 1
                       ? tr("Apply 1 step to %1?").arg(mDatabaseWhere)
                       : tr("Apply %1 steps to %2?").arg(mPlan.steps.size()).arg(mDatabaseWhere);
    if (mPlan.hasDataLoss()) {
        QStringList lines;
        for (const MigrationStep &step : mPlan.dataLosingSteps())
            lines << u"• %1: %2"_s.arg(step.description, step.lossReason);
        text += u"\n\n"_s + tr("These steps can lose data:\n%1").arg(lines.join(u'\n'));
    }
    mBackup = mDatabase->isFile() && !mDatabase->path.isEmpty()
                  ? MigrationRunner::backupPath(mDatabase->path, QDateTime::currentDateTime())
                  : QString();
    text += u"\n\n"_s;
    if (!mBackup.isEmpty())
        text += tr("A copy of the database is saved first, as %1. If a step fails, nothing is changed.")
                    .arg(QDir::toNativeSeparators(mBackup));
    else if (dialect.transactionalDdl())
        text += tr("The steps run in one transaction: if one fails, nothing is changed.");
    else
        text += tr("%1 commits each change to the tables at once: if a step fails, the steps before it stay "
                   "applied. Back the database up first.")
                    .arg(dialect.title());
    QMessageBox box(mPlan.hasDataLoss() ? QMessageBox::Warning : QMessageBox::Question, tr("Apply Migration"),
                    text, QMessageBox::Cancel, this);
    box.addButton(tr("&Apply"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() == QMessageBox::Cancel)
        return false;
    mAppliedSteps = int(mPlan.steps.size());
    mLastProgress = {};
    mApplier->start(*mDatabase, mPlan, mBackup);
    setBusy(true, mBackup.isEmpty() ? tr("Applying…") : tr("Copying the database…"));
    // Only where the engine rolls back: on MySQL/MariaDB a stop would leave the steps before it applied.
    mStop->setVisible(dialect.transactionalDdl());
    mSummary->setText(tr("Applying %1 steps to %2…").arg(mAppliedSteps).arg(mDatabaseWhere));
    return true;
}

void MigrationDialog::finishApply(const QString &error, bool stopped) {
    mStop->setVisible(false);
    setBusy(false, {});
    const QString copy =
        mBackup.isEmpty() ? QString()
                          : u" "_s + tr("The copy from before is %1.").arg(QDir::toNativeSeparators(mBackup));
    if (error.isEmpty()) {
        // What the database holds now, compared again: no differences is the proof.
        compareWithDatabase();
        mSummary->setText(tr("Applied %1 steps to %2.").arg(mAppliedSteps).arg(mDatabaseWhere) + copy);
        connect(
            this, &MigrationDialog::compared, this,
            [this, copy] {
                const QString now = !mHasPlan ? tr("reading it again failed: %1").arg(mSummary->text())
                                    : mPlan.isEmpty()
                                        ? tr("the database now matches the design.")
                                        : tr("the database still differs from the design (listed).");
                mSummary->setText(
                    tr("Applied %1 steps to %2: %3").arg(mAppliedSteps).arg(mDatabaseWhere, now) + copy);
            },
            Qt::SingleShotConnection);
    } else {
        const bool rolledBack = mDatabase->dialect().transactionalDdl();
        const QString what = stopped      ? tr("Stopped; nothing was changed.")
                             : rolledBack ? tr("The migration failed and nothing was changed: %1").arg(error)
                                          : tr("The migration stopped at a failed step; the steps before it "
                                               "stay applied: %1")
                                                .arg(error);
        mSummary->setText(u"<span style=\"color:#c01c1c\">%1</span>"_s.arg(what.toHtmlEscaped()) +
                          copy.toHtmlEscaped());
    }
    emit applyFinished(error);
}

void MigrationDialog::reject() {
    // A migration under way is not abandoned: Stop ends it (where the engine can roll back).
    if (isApplying())
        return;
    mLoader->cancel();
    QDialog::reject();
}

void MigrationDialog::showMessage(const QString &text) {
    mSteps->clear();
    mSummary->setText(text);
    updateButtons();
}

void MigrationDialog::showPlan() {
    mSteps->clear();
    const QColor lossColor(0xc0, 0x1c, 0x1c);
    for (const MigrationStep &step : mPlan.steps) {
        auto *item = new QListWidgetItem(step.description, mSteps);
        if (step.dataLoss) {
            item->setForeground(lossColor);
            item->setText(tr("%1 — can lose data: %2").arg(step.description, step.lossReason));
            item->setToolTip(step.lossReason);
        } else if (step.kind == MigrationStep::Kind::Unsupported) {
            item->setForeground(lossColor);
            item->setToolTip(tr("ModelDesk cannot write this step"));
        }
        item->setData(Qt::UserRole, step.dataLoss);
    }
    const int count = int(mPlan.steps.size());
    const int losing = int(mPlan.dataLosingSteps().size());
    const QString steps = count == 1 ? tr("1 step") : tr("%1 steps").arg(count);
    if (mPlan.isEmpty())
        mSummary->setText(tr("No differences: the design is the same as its older version."));
    else if (!mPlan.unsupported().isEmpty())
        mSummary->setText(tr("%1; ModelDesk cannot write some of them (in red).").arg(steps));
    else if (losing > 0)
        mSummary->setText(tr("%1; <span style=\"color:#c01c1c\"><b>%2 can lose data</b></span> — saving asks "
                             "first.")
                              .arg(steps)
                              .arg(losing));
    else
        mSummary->setText(tr("%1; none loses data.").arg(steps));
    updateButtons();
}

// The GUI's --allow-data-loss: the data-losing steps, then Save or Cancel.
bool MigrationDialog::confirmWritable() {
    if (!mHasPlan || !mPlan.unsupported().isEmpty())
        return false;
    if (!mPlan.hasDataLoss())
        return true;
    QStringList lines;
    for (const MigrationStep &step : mPlan.dataLosingSteps())
        lines << u"• %1: %2"_s.arg(step.description, step.lossReason);
    QMessageBox box(
        QMessageBox::Warning, tr("Data Loss"),
        tr("These steps can lose data:\n\n%1\n\nWrite the migration anyway?").arg(lines.join(u'\n')),
        QMessageBox::Save | QMessageBox::Cancel, this);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Save;
}

bool MigrationDialog::saveSql(const QString &path) {
    if (!confirmWritable())
        return false;
    const auto dialect = SqlDialect::fromName(mDialect->currentData().toString());
    const QString origin = QDir::toNativeSeparators(mOldPath) + u" -> "_s +
                           QDir::toNativeSeparators(mDocument->filePath().isEmpty() ? mDocument->displayName()
                                                                                    : mDocument->filePath());
    QString reason;
    if (!dialect || !writeWholeFile(path, MigrationSql(*dialect).script(mPlan, origin).toUtf8(), &reason)) {
        QMessageBox::warning(this, tr("Save as SQL"),
                             tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason));
        return false;
    }
    return true;
}

QString MigrationDialog::saveSequelizeMigration(const QString &folder) {
    if (!confirmWritable())
        return {};
    const MigrationPlan down = SchemaDiff::compare(mDocument->schema(), mBefore);
    if (const QStringList unsupported = down.unsupported(); !unsupported.isEmpty()) {
        QMessageBox::warning(
            this, tr("Save as Sequelize Migration"),
            tr("Nothing written; ModelDesk cannot write the way back:\n%1").arg(unsupported.join(u'\n')));
        return {};
    }
    const QString newName =
        mDocument->filePath().isEmpty() ? mDocument->displayName() : mDocument->filePath();
    const QString path = QDir(folder).filePath(
        SequelizeMigration::fileName(QDateTime::currentDateTimeUtc(), QFileInfo(newName).completeBaseName()));
    const QString origin = QDir::toNativeSeparators(mOldPath) + u" -> "_s + QDir::toNativeSeparators(newName);
    QString reason;
    if (!QDir().mkpath(folder) ||
        !writeWholeFile(path, SequelizeMigration::render(mPlan, down, origin).toUtf8(), &reason)) {
        QMessageBox::warning(this, tr("Save as Sequelize Migration"),
                             tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason));
        return {};
    }
    return path;
}

void MigrationDialog::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare With Project"), {},
                                                      tr("ModelDesk projects (*.modeldesk);;All files (*)"));
    if (!path.isEmpty())
        compareWithFile(path);
}

void MigrationDialog::chooseSqlFile() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save as SQL"), u"migration.sql"_s,
                                                      tr("SQL files (*.sql);;All files (*)"));
    if (!path.isEmpty() && saveSql(path))
        mSummary->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
}

void MigrationDialog::chooseMigrationFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Save as Sequelize Migration"));
    if (folder.isEmpty())
        return;
    if (const QString path = saveSequelizeMigration(folder); !path.isEmpty())
        mSummary->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace modeldesk
