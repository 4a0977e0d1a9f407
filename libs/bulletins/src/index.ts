export {
  buildBulletinModel, commendationsOf, rankDepartments, sectionOf, PlanNotRecordedError, UnknownPhaseError,
  type BulletinModel, type BulletinOptions, type BulletinPeriod, type BulletinSection, type Commendation, type DepartmentFigures,
  type LateItem, type PhaseFigures, type RankingEntry, type SectionKind, type WorkFigures, type TargetRow,
} from './model/bulletin-model';
export { dateWithWeekday, documentDate, percent, weekdayOf, windowName } from './model/chinese-dates';
export { defaultTitle, layoutBulletin, tablesOf, type BulletinHead, type BulletinLayout, type LayoutBlock, type LayoutTable } from './render/bulletin-layout';
export { GB_FONTS, PLAIN_FONTS, renderBulletinDocx, type BulletinFonts } from './render/bulletin-docx';
export { ABOUT_SHEET, renderBulletinXlsx } from './render/bulletin-xlsx';
export {
  BULLETIN_ISSUED, BULLETIN_ISSUED_VERSION, DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE, bulletinIssuedData, bulletinPeriodSchema, bulletinStreamOf, issuedBulletinOf,
  type BulletinDocument, type BulletinIssuedData, type IssuedBulletin,
} from './issue/bulletin-issued';
export {
  BulletinNumberTakenError, bulletinFileName, issueBulletin, nextBulletinNumber, readIssuedBulletins, renderBulletin,
  type BulletinRequest, type IssueContext, type RenderedBulletin,
} from './issue/issue-bulletin';
export { findingsAsOf, type FindingView, type FindingsAsOf } from './model/findings';
export { RULE_LABELS, type Assessment, type AssessmentItem, type AssessmentPeriod, type ItemSource, type UnitAssessment } from './assessment/assessment-model';
export { buildAssessment, hasRubric, judgedInstantOf, NoRubricError, scheduleAsOf } from './assessment/build-assessment';
export { defaultAssessmentPeriod, scoreAssessment, UnknownAssessmentPeriodError, type AssessmentInput } from './assessment/score-assessment';
export { FINDING_RECORDED, FindingRecordedV1, TARGET_STATUS_CHANGED, TargetStatusChangedV1, UnreadableSupervisionEventError, supervisionRecordOf } from './assessment/supervision-records';
export { assessmentItemsTable, assessmentRankingTable, commendationText, itemSubject, rubricText } from './render/assessment-layout';
export { renderAssessmentXlsx } from './render/assessment-xlsx';
export { dueBulletinSlots, issueScheduledBulletins } from './issue/scheduled-bulletins';
