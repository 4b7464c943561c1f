#include "window/migrationdialog.h"

#include "db/migrationsql.h"
#include "db/sequelizemigration.h"
#include "document/document.h"
#include "project/projectfile.h"
#include "project/wholefile.h"
#include "schema/schemavalidator.h"

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
    , mSaveMigration(new QPushButton(tr("Save as Sequelize &Migration…"), this)) {
    setWindowTitle(tr("Migrations"));
    auto *layout = new QVBoxLayout(this);

    auto *sourceRow = new QHBoxLayout;
    mSource->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mSource->setWordWrap(true);
    sourceRow->addWidget(mSource, 1);
    auto *savedButton = new QPushButton(tr("&Last Saved Version"), this);
    auto *fileButton = new QPushButton(tr("Other &File…"), this);
    sourceRow->addWidget(savedButton);
    sourceRow->addWidget(fileButton);
    layout->addLayout(sourceRow);

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

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(savedButton, &QPushButton::clicked, this, &MigrationDialog::compareWithSaved);
    connect(fileButton, &QPushButton::clicked, this, &MigrationDialog::chooseFile);
    connect(mSaveSql, &QPushButton::clicked, this, &MigrationDialog::chooseSqlFile);
    connect(mSaveMigration, &QPushButton::clicked, this, &MigrationDialog::chooseMigrationFolder);
    savedButton->setEnabled(!document->filePath().isEmpty());
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
    // Like `modeldesk diff`: a design with errors has no well-defined tables to migrate.
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
    if (const QString problem = firstError(before->schema); !problem.isEmpty()) {
        mHasPlan = false;
        showMessage(tr("%1 has errors: %2").arg(shown, problem));
        return false;
    }
    mOldPath = oldPath;
    mBefore = before->schema;
    mPlan = SchemaDiff::compare(mBefore, mDocument->schema());
    mHasPlan = true;
    showPlan();
    return true;
}

void MigrationDialog::showMessage(const QString &text) {
    mSteps->clear();
    mSummary->setText(text);
    mSaveSql->setEnabled(false);
    mSaveMigration->setEnabled(false);
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
    const bool writable = !mPlan.isEmpty() && mPlan.unsupported().isEmpty();
    mSaveSql->setEnabled(writable);
    mSaveMigration->setEnabled(writable);
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
