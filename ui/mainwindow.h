#pragma once

#include "project.h"

#include <QMainWindow>

class QListWidget;
class QTreeWidget;

namespace modeldesk {

// The application window. For now it shows the open project's models, links and validation problems; the
// designer canvas and the data form plug in here.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    bool openProject(const QString &path);
    bool openExample(const QString &name);
    const Project &project() const { return mProject; }
    QString filePath() const { return mFilePath; }

private:
    void createMenus();
    void showProject(const Project &project, const QString &path, const QString &displayName);
    void refreshViews();
    void openWithDialog();

    Project mProject;
    QString mFilePath;
    QTreeWidget *mOutline = nullptr;
    QListWidget *mProblems = nullptr;
};

} // namespace modeldesk
