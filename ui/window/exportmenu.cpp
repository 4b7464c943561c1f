#include "window/exportmenu.h"

#include "document/appearance.h"
#include "document/document.h"
#include "export/exporterregistry.h"
#include "schema/schemavalidator.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace modeldesk {

using namespace Qt::StringLiterals;

ExportMenu::ExportMenu(Document *document, QWidget *parent)
    : QMenu(tr("&Export"), parent)
    , mDocument(document) {
    setObjectName(u"exportMenu"_s);
    for (const Exporter *exporter : ExporterRegistry::all()) {
        if (exporter->usesDialect() && exporter->name() == u"sql"_s) {
            for (const SqlDialect &dialect : SqlDialect::all()) {
                QAction *a = addAction(tr("SQL for %1…").arg(dialect.title()), this,
                                       [this, exporter, dialect] { run(exporter, dialect); });
                a->setObjectName(u"actionExport_sql_"_s + dialect.name());
                a->setIcon(appearance::icon(u"text-x-generic"_s));
            }
            continue;
        }
        QAction *a = addAction(exporter->description() + u"…"_s, this,
                               [this, exporter] { run(exporter, SqlDialect()); });
        a->setObjectName(u"actionExport_"_s + exporter->name());
        a->setIcon(appearance::icon(u"text-x-generic"_s));
    }
}

bool ExportMenu::exportTo(const Exporter &exporter, const SqlDialect &dialect, const QString &target,
                          QString *error) {
    const QList<Problem> problems = SchemaValidator::validate(mDocument->schema(), mDocument->resolved());
    if (SchemaValidator::hasErrors(problems)) {
        QStringList lines;
        for (const Problem &p : problems)
            if (p.isError() && lines.size() < 8)
                lines << p.path + u": "_s + p.message;
        *error =
            tr("The design has errors; fix them first (see the Problems panel):\n%1").arg(lines.join(u'\n'));
        return false;
    }
    ExportOptions options;
    options.dialect = dialect;
    options.origin = mDocument->displayName();
    return exporter.write(mDocument->project(), options, target, error);
}

void ExportMenu::run(const Exporter *exporter, const SqlDialect &dialect) {
    QWidget *window = parentWidget() ? parentWidget()->window() : nullptr;
    const QString base = mDocument->fileBaseName();
    QString target;
    if (exporter->producesDirectory()) {
        // A folder that may not exist yet: its name is typed like a file's ("shop-sequelize", proposed), and
        // the export makes it; an existing folder is written into. (A folder picker only takes existing
        // ones.)
        QFileDialog dialog(window, tr("Export %1 Into Folder").arg(exporter->description()));
        dialog.setObjectName(u"exportFolderDialog"_s);
        dialog.setAcceptMode(QFileDialog::AcceptSave);
        dialog.setFileMode(QFileDialog::AnyFile);
        dialog.setOption(QFileDialog::DontConfirmOverwrite); // a folder's files are replaced, not the folder
        dialog.setLabelText(QFileDialog::FileName, tr("Folder:"));
        dialog.setLabelText(QFileDialog::Accept, tr("Export"));
        dialog.setNameFilter(tr("Folders (*)"));
        dialog.selectFile(base + u"-sequelize"_s);
        if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty())
            target = dialog.selectedFiles().first();
        if (!target.isEmpty() && QFileInfo(target).isFile()) {
            QMessageBox::warning(
                window, tr("Export Failed"),
                tr("%1 is a file; choose or name a folder.").arg(QDir::toNativeSeparators(target)));
            return;
        }
    } else {
        const QString suggested = base + (exporter->usesDialect() ? u"."_s + dialect.name() : QString()) +
                                  u'.' + exporter->defaultExtension();
        target = QFileDialog::getSaveFileName(window, tr("Export %1").arg(exporter->description()), suggested,
                                              exporter->fileFilter());
    }
    if (target.isEmpty())
        return;
    QString error;
    if (!exportTo(*exporter, dialect, target, &error)) {
        QMessageBox::warning(window, tr("Export Failed"), error);
        return;
    }
    emit exported(QDir::toNativeSeparators(target));
}

} // namespace modeldesk
