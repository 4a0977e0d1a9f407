import { App, Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { uploadFile, type UploadedFile } from '../api/client';
import { useI18n } from '../i18n/i18n';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.gif,.webp,.bmp,.tif,.tiff';
const ACCEPTED = /\.(pdf|docx?|xlsx?|png|jpe?g|gif|webp|bmp|tiff?)$/i;

/** The uploaded files of a form's file list, as the action body carries them. */
export const uploadedFiles = (list: UploadFile<UploadedFile>[] | undefined): UploadedFile[] =>
  (list ?? []).filter((file) => file.status === 'done' && file.response).map((file) => file.response!);

/**
 * Several files, each sent at once to POST /assignments/{id}/files (content-addressed on the
 * server); the form submits their hashes with the note.
 */
export function FileUpload({ assignmentId, value, onChange, id }: { assignmentId: string; value?: UploadFile<UploadedFile>[]; onChange?: (list: UploadFile<UploadedFile>[]) => void; id?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Upload<UploadedFile>
      multiple
      accept={ACCEPT}
      fileList={value ?? []}
      onChange={({ fileList }) => onChange?.(fileList)}
      beforeUpload={(file) => {
        if (file.size > MAX_FILE_BYTES) {
          void message.error(t('form_fileTooLarge', { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        if (!ACCEPTED.test(file.name)) {
          void message.error(t('form_fileType', { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        const raw = file as File;
        uploadFile(assignmentId, raw).then(
          (uploaded) => onSuccess?.(uploaded),
          (error: Error) => {
            void message.error(t('form_uploadFailed', { name: raw.name }));
            onError?.(error);
          },
        );
      }}
    >
      <Button icon={<UploadOutlined />} id={id} data-testid="upload-button">
        {t('form_upload')}
      </Button>
    </Upload>
  );
}
