#pragma once

#include "project/project.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <optional>

namespace modeldesk {

// Reads and writes the .modeldesk JSON format (docs/project-format.md). Reading never trusts the input: every
// problem is reported with its JSON path or its line and column. Writing is deterministic (stable key order,
// one field or link per line) and atomic. Version 2 added the ids (schema/schemaids.h); a version 1 file
// opens with ids derived from its content and is saved as version 2.
class ProjectFile {
    Q_DECLARE_TR_FUNCTIONS(ProjectFile)
public:
    static constexpr int kFormatVersion = 2;
    static constexpr const char *kExtension = "modeldesk";

    // On failure returns nullopt and sets *error to one line per problem.
    static std::optional<Project> parse(const QByteArray &json, QString *error);
    static std::optional<Project> load(const QString &path, QString *error);

    static QByteArray serialize(const Project &project);
    // Writes through QSaveFile: the old file stays intact unless the new one is complete.
    static bool save(const QString &path, const Project &project, QString *error);
};

} // namespace modeldesk
