#pragma once

#include "db/connectionurl.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace modeldesk {

// Asks where the data lives: an SQLite file, or a PostgreSQL / MySQL / MariaDB server (host, port, database,
// user, password). The password stays in memory; it is never written to the project or the settings.
class ConnectDialog : public QDialog {
    Q_OBJECT

public:
    explicit ConnectDialog(const ConnectionUrl &current, QWidget *parent = nullptr);
    ConnectionUrl url() const;

private:
    void updateFields();
    SqlDialect dialect() const; // the chosen engine

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
