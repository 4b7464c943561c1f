#pragma once

#include "db/connectionurl.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace modeldesk {

// Where a database is: the engine, then an SQLite file or a server's host, port, database, user and password.
// Connect… (Data mode) and Import from Database… both ask with it. The password stays in memory; it is never
// written to the project or the settings.
class ConnectionForm : public QWidget {
    Q_OBJECT

public:
    // Connect… may name a new SQLite file (it creates the tables); the import reads an existing one.
    enum class FileUse { OpenOrCreate, OpenExisting };
    explicit ConnectionForm(const ConnectionUrl &current, FileUse fileUse, QWidget *parent = nullptr);

    ConnectionUrl url() const;
    // The first field to type into for the engine shown: the file, or the host.
    QWidget *firstField() const;

signals:
    void changed();

private:
    void updateFields();
    SqlDialect dialect() const; // the chosen engine

    FileUse mFileUse;
    QComboBox *mKind;
    QLineEdit *mPath;
    QLineEdit *mHost;
    QSpinBox *mPort;
    QLineEdit *mDatabase;
    QLineEdit *mUser;
    QLineEdit *mPassword;
    QList<QWidget *> mServerRows;
    QList<QWidget *> mFileRows;
};

} // namespace modeldesk
