import { Space, Typography } from 'antd';
import { FileOutlined, LinkOutlined } from '@ant-design/icons';
import type { Attachment } from '../api/client';

const size = (bytes: number | null) => (bytes === null ? '' : bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Files to download (uploaded, content-addressed) or references to documents kept elsewhere. */
export function AttachmentList({ items }: { items: Pick<Attachment, 'name' | 'size' | 'downloadUrl' | 'ref' | 'sha256'>[] }) {
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      {items.map((item, index) => (
        <div key={`${item.sha256 ?? item.ref}-${index}`} data-testid="attachment">
          {item.downloadUrl ? (
            <Typography.Link href={item.downloadUrl} download={item.name}>
              <FileOutlined /> {item.name}
            </Typography.Link>
          ) : item.ref && /^https?:\/\//.test(item.ref) ? (
            <Typography.Link href={item.ref} target="_blank" rel="noreferrer">
              <LinkOutlined /> {item.name || item.ref}
            </Typography.Link>
          ) : (
            <Typography.Text>
              <LinkOutlined /> {item.name || item.ref}
            </Typography.Text>
          )}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {size(item.size)}
          </Typography.Text>
        </div>
      ))}
    </Space>
  );
}
