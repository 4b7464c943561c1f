#include "mainwindow.h"

#include "projectfile.h"
#include "resolvedschema.h"
#include "schemavalidator.h"

#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QStyle>
#include <QTreeWidget>

namespace modeldesk {

using namespace Qt::StringLiterals;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent) {
    mOutline = new QTreeWidget(this);
    mOutline->setHeaderLabels({tr("Name"), tr("Type / table"), tr("Details")});
    mOutline->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    mOutline->setAlternatingRowColors(true);
    setCentralWidget(mOutline);

    mProblems = new QListWidget(this);
    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(u"problemsDock"_s);
    problemsDock->setWidget(mProblems);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);

    createMenus();
    resize(1000, 700);
    setWindowTitle(tr("ModelDesk"));
    statusBar()->showMessage(tr("Open a project or an example from the File menu."));
}

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openWithDialog);
    QMenu *examples = file->addMenu(tr("Open &Example"));
    examples->addAction(tr("Seed: testUser hasOne test"), this, [this] { openExample(u"seed"_s); });
    examples->addAction(tr("Shop: customers, orders, products"), this, [this] { openExample(u"shop"_s); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ModelDesk"), this, [this] {
        QMessageBox::about(
            this, tr("About ModelDesk"),
            tr("<b>ModelDesk %1</b><p>Design Sequelize models and their links, export them, and "
               "enter linked records in one transaction.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::openWithDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), {},
                                                      tr("ModelDesk projects (*.modeldesk);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::openProject(const QString &path) {
    QString error;
    const auto project = ProjectFile::load(path, &error);
    if (!project) {
        QMessageBox::warning(this, tr("Cannot open project"), error);
        return false;
    }
    showProject(*project, path, QFileInfo(path).fileName());
    return true;
}

bool MainWindow::openExample(const QString &name) {
    QString error;
    const QString resource = u":/examples/%1.modeldesk"_s.arg(name);
    const auto project = ProjectFile::load(resource, &error);
    if (!project) {
        QMessageBox::warning(this, tr("Cannot open example"),
                             tr("There is no bundled example called \"%1\" (try seed or shop).").arg(name));
        return false;
    }
    // An example has no file of its own: saving it asks for a place.
    showProject(*project, QString(), tr("%1 example").arg(name));
    return true;
}

void MainWindow::showProject(const Project &project, const QString &path, const QString &displayName) {
    mProject = project;
    mFilePath = path;
    setWindowTitle(tr("%1 — ModelDesk").arg(displayName));
    refreshViews();
}

void MainWindow::refreshViews() {
    const ResolvedSchema resolved = SchemaResolver::resolve(mProject.schema);
    mOutline->clear();
    for (const Model &model : std::as_const(mProject.schema.models)) {
        auto *modelItem =
            new QTreeWidgetItem(mOutline, {model.name, model.effectiveTableName(), model.comment});
        modelItem->setIcon(0, style()->standardIcon(QStyle::SP_DirIcon));
        if (const Table *table = resolved.tableForModel(model.name)) {
            for (const Column &column : table->columns) {
                QStringList details;
                if (column.primaryKey)
                    details << tr("primary key");
                if (column.references)
                    details << tr("→ %1.%2").arg(column.references->table, column.references->column);
                if (!column.nullable && !column.primaryKey)
                    details << tr("required");
                if (column.unique)
                    details << tr("unique");
                if (column.origin != Column::Origin::Declared)
                    details << tr("added by Sequelize");
                new QTreeWidgetItem(modelItem, {column.name, column.type.toString(), details.join(u", "_s)});
            }
        }
        for (const ResolvedLink &link : resolved.links)
            if (link.source == model.name)
                new QTreeWidgetItem(modelItem, {link.as, Link::kindName(link.kind) + u' ' + link.target,
                                                tr("foreign key %1").arg(link.foreignKey)});
        modelItem->setExpanded(true);
    }

    mProblems->clear();
    const QList<Problem> problems = SchemaValidator::validate(mProject.schema);
    for (const Problem &problem : problems) {
        auto *item = new QListWidgetItem(problem.path + u": "_s + problem.message, mProblems);
        item->setIcon(style()->standardIcon(problem.isError() ? QStyle::SP_MessageBoxCritical
                                                              : QStyle::SP_MessageBoxWarning));
    }
    if (problems.isEmpty())
        new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton), tr("No problems"),
                            mProblems);
    statusBar()->showMessage(
        tr("%1 models, %2 links").arg(mProject.schema.models.size()).arg(mProject.schema.links.size()));
}

} // namespace modeldesk
