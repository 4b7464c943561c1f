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
    mTimer.setSingleShot(true);
    mTimer.setInterval(150);
    connect(&mTimer, &QTimer::timeout, this, &ProblemsPanel::revalidate);
    connect(document, &Document::schemaChanged, &mTimer, qOverload<>(&QTimer::start));
    connect(mList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int row = mList->row(item);
        if (row >= 0 && row < mProblems.size())
            emit problemActivated(mProblems.at(row));
    });
    connect(mList, &QListWidget::itemClicked, mList, &QListWidget::itemActivated);
    revalidate();
}

void ProblemsPanel::revalidate() {
    mTimer.stop();
    mProblems = SchemaValidator::validate(mDocument->schema(), mDocument->resolved());
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
