#pragma once

#include <QMenu>

namespace modeldesk {

class Document;
class Exporter;
class SqlDialect;

// File ▸ Export: one entry per format of the exporter registry (SQL per dialect), so the menu lists exactly
// what `modeldesk formats` lists. Asks where to write, refuses a design with errors (naming them), and
// reports the result in the status bar of the window it belongs to.
class ExportMenu : public QMenu {
    Q_OBJECT

public:
    ExportMenu(Document *document, QWidget *parent = nullptr);

    // Exports without asking (used by the menu after its dialog, and by tests). Returns false with *error
    // set.
    bool exportTo(const Exporter &exporter, const SqlDialect &dialect, const QString &target, QString *error);

signals:
    void exported(const QString &target);

public:
    // What the menu entry does: asks where (a folder, which it may create, for the Sequelize models), then
    // exports. Public for tests.
    void run(const Exporter *exporter, const SqlDialect &dialect);

private:
    Document *mDocument;
};

} // namespace modeldesk
