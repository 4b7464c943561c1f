#pragma once

#include "schema/schemavalidator.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;

namespace modeldesk {

class Document;

// Lists the live validation results of the open document. Validation runs shortly after the last edit (edits
// come in bursts while typing); activating a problem asks the window to show the item it is about.
class ProblemsPanel : public QWidget {
    Q_OBJECT

public:
    explicit ProblemsPanel(Document *document, QWidget *parent = nullptr);

    const QList<Problem> &problems() const { return mProblems; }
    QListWidget *list() const { return mList; }
    // Validates now instead of after the debounce delay.
    void revalidate();

signals:
    void problemsChanged(const QList<Problem> &problems);
    void problemActivated(const Problem &problem);

private:
    Document *mDocument;
    QList<Problem> mProblems;
    QListWidget *mList;
    QLabel *mSummary;
    QTimer mTimer;
};

} // namespace modeldesk
