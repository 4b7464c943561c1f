#pragma once

#include "project/project.h"
#include "sql/sqldialect.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace modeldesk {

// What an export needs besides the design. No timestamps: the same design always gives the same bytes, so
// exported files can be committed and diffed.
struct ExportOptions {
    SqlDialect dialect; // for the SQL script, and the column types of DBML/JSON (SQLite unless set)
    QString origin;     // usually the project's file name; named in every generated header
};

// One generated file. `path` is relative and '/'-separated; it is empty for the only file of a
// single-file format, which is written to the target itself.
struct ExportFile {
    QString path;
    QByteArray contents;
    friend bool operator==(const ExportFile &, const ExportFile &) = default;
};
using ExportFiles = QList<ExportFile>;

// One export format (SQL, Sequelize, DBML, ...). Rendering is pure (design in, bytes out) so tests compare
// it with golden files; writing is shared and goes through QSaveFile. Exporters render what they are
// given: callers that care (the CLI, the menus) refuse designs with validation errors first.
class Exporter {
    Q_DECLARE_TR_FUNCTIONS(Exporter)
public:
    virtual ~Exporter() = default;

    virtual QString name() const = 0;             // "sql", "sequelize", ...: the CLI's --format
    virtual QString description() const = 0;      // translated, for `modeldesk formats` and menus
    virtual QString defaultExtension() const = 0; // without the dot; empty for a directory
    virtual QString fileFilter() const = 0;       // for file dialogs, e.g. "SQL script (*.sql)"
    virtual bool producesDirectory() const { return false; }
    virtual bool usesDialect() const { return false; } // whether ExportOptions::dialect changes the output

    // On failure returns nullopt and sets *error.
    virtual std::optional<ExportFiles> render(const Project &project, const ExportOptions &options,
                                              QString *error) const = 0;

    // render() and writeFiles() to `target` (a file, or a directory when producesDirectory()).
    bool write(const Project &project, const ExportOptions &options, const QString &target,
               QString *error) const;

    // Writes each file through QSaveFile, creating directories as needed; a file with an empty path is
    // written to `target` itself, others below the directory `target`. Existing files that the export does
    // not produce are left alone. On failure names the file and the cause in *error.
    static bool writeFiles(const ExportFiles &files, const QString &target, QString *error);
    // Writes `contents` to the file `path` through QSaveFile: the old file stays intact unless the new one is
    // complete. On failure *error is "PATH: cause". Also used for diagram images.
    static bool writeFile(const QString &path, const QByteArray &contents, QString *error);
};

} // namespace modeldesk
