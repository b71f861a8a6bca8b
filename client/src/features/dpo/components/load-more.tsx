import { Button, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const LoadMore = ({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) => {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Center>
      <Button variant="default" onClick={onMore} loading={loading}>
        {t('dpo.loadMore')}
      </Button>
    </Center>
  );
};
