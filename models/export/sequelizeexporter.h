#pragma once

#include "export/exporter.h"

#include <QCoreApplication>

namespace modeldesk {

// Sequelize 6 models, written the way the seed writes them by hand: one file per model
// (`class TestUser extends Model {}` + `TestUser.init(...)`), `associations.js` with every link and all its
// options spelled out, `index.js` so that `const db = require('./models')` gives each model by its
// modelName, and `config/database.js` (DATABASE_URL, else an SQLite file). Layout of the directory:
//   config/database.js  models/index.js  models/associations.js  models/<ClassName>.js
class SequelizeExporter : public Exporter {
    Q_DECLARE_TR_FUNCTIONS(SequelizeExporter)
public:
    QString name() const override;
    QString description() const override;
    QString defaultExtension() const override { return {}; }
    QString fileFilter() const override { return {}; }
    bool producesDirectory() const override { return true; }
    std::optional<ExportFiles> render(const Project &project, const ExportOptions &options,
                                      QString *error) const override;

    // The JavaScript class (and file) name of each model, in model order: PascalCase of the model name,
    // made unique (ignoring case, for case-insensitive file systems) and kept clear of the names the
    // generated files use themselves (Model, DataTypes, Sequelize, index, associations).
    static QStringList classNames(const Schema &schema);
};

} // namespace modeldesk
