#pragma once

#include "schema/schemavalidator.h"

#include <QThreadPool>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;

namespace modeldesk {

class Document;

// Lists the live validation results of the open document. Validation runs shortly after the last edit (edits
// come in bursts while typing), on a thread of its own: on a big design it costs tens of milliseconds, which
// the window's thread must not spend on every edit. A result that arrives after a newer edit is dropped, so
// the list always shows the design as it is (or as it was a moment ago, until the next result lands).
// Activating a problem asks the window to show the item it is about.
class ProblemsPanel : public QWidget {
    Q_OBJECT

public:
    explicit ProblemsPanel(Document *document, QWidget *parent = nullptr);
    ~ProblemsPanel() override;

    const QList<Problem> &problems() const { return mProblems; }
    QListWidget *list() const { return mList; }
    // Validates now, on this thread, instead of after the debounce delay.
    void revalidate();
    // Whether a validation is due or under way (its result not shown yet).
    bool isPending() const { return mTimer.isActive() || mShownGeneration != mGeneration; }
    // How long after the last edit the validation starts (150 ms; tests that check every step use 0).
    void setDelay(int ms) { mTimer.setInterval(ms); }

signals:
    void problemsChanged(const QList<Problem> &problems);
    void problemActivated(const Problem &problem);

private:
    // The timer's validation: the schema (an implicitly shared copy) is checked on mWorker.
    void validateInBackground();
    void show(const QList<Problem> &problems);

    Document *mDocument;
    QList<Problem> mProblems;
    QListWidget *mList;
    QLabel *mSummary;
    QTimer mTimer;
    int mGeneration = 0;      // bumped by every validation started; older results are dropped
    int mShownGeneration = 0; // the validation the list shows
    bool mShown = false;      // whether mProblems is in the list yet
    QThreadPool mWorker;      // one thread; last member, so it is waited for before the rest goes
};

} // namespace modeldesk
