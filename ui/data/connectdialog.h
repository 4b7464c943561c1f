#pragma once

#include "db/connectionurl.h"

#include <QDialog>

namespace modeldesk {

class ConnectionForm;

// Data mode's Connect…: asks where the data lives (an SQLite file, or a PostgreSQL / MySQL / MariaDB server)
// with the connection form the import uses too.
class ConnectDialog : public QDialog {
    Q_OBJECT

public:
    explicit ConnectDialog(const ConnectionUrl &current, QWidget *parent = nullptr);
    ConnectionUrl url() const;

private:
    ConnectionForm *mForm;
};

} // namespace modeldesk
