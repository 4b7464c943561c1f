#include "window/problemspanel.h"

#include "document/document.h"

#include <QLabel>
#include <QListWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace modeldesk {

using namespace Qt::StringLiterals;

ProblemsPanel::ProblemsPanel(Document *document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mList(new QListWidget(this))
    , mSummary(new QLabel(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(mSummary);
    layout->addWidget(mList);
    mList->setObjectName(u"problemsList"_s);
    mWorker.setMaxThreadCount(1);
    mTimer.setSingleShot(true);
    mTimer.setInterval(150);
    connect(&mTimer, &QTimer::timeout, this, &ProblemsPanel::validateInBackground);
    connect(document, &Document::schemaChanged, &mTimer, qOverload<>(&QTimer::start));
    connect(mList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int row = mList->row(item);
        if (row >= 0 && row < mProblems.size())
            emit problemActivated(mProblems.at(row));
    });
    connect(mList, &QListWidget::itemClicked, mList, &QListWidget::itemActivated);
    revalidate();
}

ProblemsPanel::~ProblemsPanel() {
    mWorker.clear();
    mWorker.waitForDone(); // a posted result dies with this object
}

void ProblemsPanel::revalidate() {
    mTimer.stop();
    mShownGeneration = ++mGeneration; // a result still under way is older than this one
    show(SchemaValidator::validate(mDocument->schema(), mDocument->resolved()));
}

void ProblemsPanel::validateInBackground() {
    const int generation = ++mGeneration;
    const Schema schema = mDocument->schema();
    mWorker.clear(); // a validation not started yet would be dropped anyway
    mWorker.start([this, schema, generation] {
        QList<Problem> problems = SchemaValidator::validate(schema);
        // ~ProblemsPanel waits for this thread, so `this` is alive when the call is posted.
        QMetaObject::invokeMethod(
            this,
            [this, problems = std::move(problems), generation] {
                if (generation != mGeneration)
                    return; // the design changed since: a newer validation is due or under way
                mShownGeneration = generation;
                show(problems);
            },
            Qt::QueuedConnection);
    });
}

void ProblemsPanel::show(const QList<Problem> &problems) {
    if (mShown && problems == mProblems)
        return; // most edits change no problem: nothing to rebuild or repaint
    mShown = true;
    mProblems = problems;
    mList->clear();
    int errors = 0;
    for (const Problem &problem : std::as_const(mProblems)) {
        errors += problem.isError();
        auto *item = new QListWidgetItem(problem.path + u": "_s + problem.message, mList);
        item->setIcon(style()->standardIcon(problem.isError() ? QStyle::SP_MessageBoxCritical
                                                              : QStyle::SP_MessageBoxWarning));
        item->setToolTip(item->text());
    }
    const int warnings = int(mProblems.size()) - errors;
    mSummary->setText(mProblems.isEmpty() ? tr("No problems: the design is ready to export and to hold data.")
                                          : tr("%n error(s)", nullptr, errors) + u", "_s +
                                                tr("%n warning(s)", nullptr, warnings));
    emit problemsChanged(mProblems);
}

} // namespace modeldesk
