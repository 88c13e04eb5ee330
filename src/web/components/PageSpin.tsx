// A centred spinner shown while a page or its code is loading.
import { Flex, Spin } from 'antd';

export function PageSpin({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" />
    </Flex>
  );
}
