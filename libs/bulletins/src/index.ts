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
