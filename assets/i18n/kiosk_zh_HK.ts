<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/screens/attract.py" line="53" />
        <source>黄埔区10个邮政网点可办理530项政务服务事项，周末照常办理</source>
        <translation>黃埔區10個郵政網點可辦理530項政務服務事項，週末照常辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="54" />
        <source>本机可查询1304项政务服务事项，其中824项可在本机自助办理</source>
        <translation>本機可查詢1304項政務服務事項，其中824項可在本機自助辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="55" />
        <source>个人社保、就业，企业开办、经营中的常办事项，可在邮政网点窗口一次办好</source>
        <translation>個人社保、就業，企業開辦、經營中的常辦事項，可在郵政網點窗口一次辦好</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="56" />
        <source>办理结果可通过EMS寄递到家，不必再跑一趟</source>
        <translation>辦理結果可通過EMS寄遞到家，不必再跑一趟</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="57" />
        <source>港澳居民可持港澳居民来往内地通行证在本机查询办事指南</source>
        <translation>港澳居民可持港澳居民來往內地通行證在本機查詢辦事指南</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="62" />
        <source>政务服务 · 邮政便民</source>
        <translation>政務服務 · 郵政便民</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="63" />
        <location filename="../../ui/screens/attract.py" line="96" />
        <source>请触摸屏幕开始</source>
        <translation>請觸摸屏幕開始</translation>
    </message>
</context>
<context>
    <name>BrowseScreen</name>
    <message>
        <location filename="../../ui/screens/browse.py" line="103" />
        <source>全部主题</source>
        <translation>全部主題</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="104" />
        <source>全部部门</source>
        <translation>全部部門</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="134" />
        <source>没有找到相关事项，请换个说法试试，或拨打12345热线咨询</source>
        <translation>沒有找到相關事項，請換個説法試試，或撥打12345熱線諮詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="136" />
        <source>找到的相关事项：</source>
        <translation>找到的相關事項：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="138" />
        <source>常用事项（可输入名称、拼音或首字母查找）：</source>
        <translation>常用事項（可輸入名稱、拼音或首字母查找）：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="140" />
        <source>第 %1 / %2 页</source>
        <translation>第 %1 / %2 頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="179" />
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="179" />
        <source>个人</source>
        <translation>個人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="179" />
        <source>企业</source>
        <translation>企業</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="185" />
        <source>输入事项名称、拼音或首字母，如：社保卡、shebaoka、sbk</source>
        <translation>輸入事項名稱、拼音或首字母，如：社保卡、shebaoka、sbk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="186" />
        <source>‹ 上一页</source>
        <translation>‹ 上一頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="187" />
        <source>下一页 ›</source>
        <translation>下一頁 ›</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="194" />
        <source>收起键盘</source>
        <translation>收起鍵盤</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="194" />
        <source>打开键盘</source>
        <translation>打開鍵盤</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="239" />
        <source>请输入您要办理的事项，或在下方列表中选择</source>
        <translation>請輸入您要辦理的事項，或在下方列表中選擇</translation>
    </message>
</context>
<context>
    <name>DiagnosticsScreen</name>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="501" />
        <source>终端编号：</source>
        <translation>終端編號：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="502" />
        <source>服务网点：</source>
        <translation>服務網點：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="503" />
        <source>事项目录版本：</source>
        <translation>事項目錄版本：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="514" />
        <source>软件版本：</source>
        <translation>軟件版本：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="515" />
        <source>配置来源：</source>
        <translation>配置來源：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="506" />
        <source>设备驱动：</source>
        <translation>設備驅動：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="507" />
        <source>语音播报：</source>
        <translation>語音播報：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="507" />
        <source>可用</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="318" />
        <location filename="../../ui/screens/diagnostics.py" line="390" />
        <location filename="../../ui/screens/diagnostics.py" line="454" />
        <location filename="../../ui/screens/diagnostics.py" line="507" />
        <source>不可用</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="203" />
        <source>高拍仪</source>
        <translation>高拍儀</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="205" />
        <source>指静脉仪</source>
        <translation>指靜脈儀</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="222" />
        <source>正在检测设备……</source>
        <translation>正在檢測設備……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="225" />
        <location filename="../../ui/screens/diagnostics.py" line="499" />
        <location filename="../../ui/screens/diagnostics.py" line="505" />
        <source>检测中</source>
        <translation>檢測中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="228" />
        <source>未配置</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="236" />
        <source>未启用（保存为 PDF）</source>
        <translation>未啓用（保存為 PDF）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="271" />
        <source>未安装</source>
        <translation>未安裝</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="274" />
        <source>（选配）</source>
        <translation>（選配）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="282" />
        <source>必需设备均正常</source>
        <translation>必需設備均正常</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="282" />
        <source>必需设备故障：</source>
        <translation>必需設備故障：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="305" />
        <source>（将保存为 PDF）</source>
        <translation>（將保存為 PDF）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="322" />
        <source>测试中</source>
        <translation>測試中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="332" />
        <source>通过</source>
        <translation>通過</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="332" />
        <location filename="../../ui/screens/diagnostics.py" line="461" />
        <source>失败</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="338" />
        <source>请把身份证放在阅读器上</source>
        <translation>請把身份證放在閲讀器上</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="347" />
        <source>正在打印测试页</source>
        <translation>正在打印測試頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="357" />
        <source>请在 %1 秒内扫描任意条码</source>
        <translation>請在 %1 秒內掃描任意條碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="363" />
        <source>正在播放 1000 Hz 测试音</source>
        <translation>正在播放 1000 Hz 測試音</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="368" />
        <source>播放并录音</source>
        <translation>播放並錄音</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="377" />
        <source>请把手指放在指静脉仪上</source>
        <translation>請把手指放在指靜脈儀上</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="395" />
        <source>正在连接摄像头……</source>
        <translation>正在連接攝像頭……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="418" />
        <source>预览中</source>
        <translation>預覽中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="423" />
        <source>太暗</source>
        <translation>太暗</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="424" />
        <source>过亮</source>
        <translation>過亮</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="425" />
        <source>未对焦</source>
        <translation>未對焦</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="426" />
        <source>良好</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="429" />
        <source>亮度 %1 · 清晰度 %2 · %3 · %4</source>
        <translation>亮度 %1 · 清晰度 %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="440" />
        <location filename="../../ui/screens/diagnostics.py" line="586" />
        <source>摄像头预览未开启</source>
        <translation>攝像頭預覽未開啓</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="504" />
        <source>服务中枢：</source>
        <translation>服務中樞：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="505" />
        <source>A4 打印：</source>
        <translation>A4 打印：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="508" />
        <source>拼音输入词库：</source>
        <translation>拼音輸入詞庫：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="508" />
        <source>已加载</source>
        <translation>已加載</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="508" />
        <source>未加载</source>
        <translation>未加載</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="509" />
        <source>已结束会话数：</source>
        <translation>已結束會話數：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="510" />
        <source>磁盘可用：</source>
        <translation>磁盤可用：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="511" />
        <source>内存可用：</source>
        <translation>內存可用：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="512" />
        <source>CPU 温度：</source>
        <translation>CPU 温度：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="512" />
        <source>无传感器</source>
        <translation>無傳感器</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="513" />
        <source>运行时间：</source>
        <translation>運行時間：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="566" />
        <source>重新检测</source>
        <translation>重新檢測</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="567" />
        <source>系统</source>
        <translation>系統</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="568" />
        <source>最近日志（不含个人信息）</source>
        <translation>最近日誌（不含個人信息）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="569" />
        <source>麦克风电平</source>
        <translation>麥克風電平</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="572" />
        <source>读卡</source>
        <translation>讀卡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="573" />
        <source>打印测试页</source>
        <translation>打印測試頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="574" />
        <source>扫码</source>
        <translation>掃碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="575" />
        <source>预览</source>
        <translation>預覽</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="576" />
        <source>测试音</source>
        <translation>測試音</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="577" />
        <source>电平</source>
        <translation>電平</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="578" />
        <source>回环</source>
        <translation>迴環</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="579" />
        <source>采集</source>
        <translation>採集</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="199" />
        <source>身份证阅读器</source>
        <translation>身份證閲讀器</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="200" />
        <source>凭条打印机</source>
        <translation>憑條打印機</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="201" />
        <source>扫码器</source>
        <translation>掃碼器</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="202" />
        <source>摄像头</source>
        <translation>攝像頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="204" />
        <source>扬声器和麦克风</source>
        <translation>揚聲器和麥克風</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="275" />
        <source>正常</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="262" />
        <location filename="../../ui/screens/diagnostics.py" line="275" />
        <source>故障</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="525" />
        <source>（暂无日志）</source>
        <translation>（暫無日誌）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="542" />
        <source>正在导出报告……</source>
        <translation>正在導出報告……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="550" />
        <source>导出失败：</source>
        <translation>導出失敗：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="555" />
        <source>报告已导出：</source>
        <translation>報告已導出：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="564" />
        <source>退出诊断</source>
        <translation>退出診斷</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="565" />
        <source>导出报告</source>
        <translation>導出報告</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <location filename="../../ui/screens/service.py" line="123" />
        <source>抱歉，刚才出了点问题</source>
        <translation>抱歉，剛才出了點問題</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="124" />
        <source>您的信息已清除。请重新开始，或到窗口请工作人员帮助。</source>
        <translation>您的信息已清除。請重新開始，或到窗口請工作人員幫助。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="125" />
        <source>重新开始</source>
        <translation>重新開始</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="129" />
        <source>抱歉，刚才出了点问题，请重新开始</source>
        <translation>抱歉，剛才出了點問題，請重新開始</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/screens/home.py" line="39" />
        <source>事项查询</source>
        <translation>事項查詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="39" />
        <source>查询全部1304项服务的办事指南</source>
        <translation>查詢全部1304項服務的辦事指南</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="40" />
        <source>自助申报</source>
        <translation>自助申報</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="40" />
        <source>824项事项可在本机办理</source>
        <translation>824項事項可在本機辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="41" />
        <source>视频咨询</source>
        <translation>視頻諮詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="41" />
        <source>与工作人员视频通话</source>
        <translation>與工作人員視頻通話</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="42" />
        <source>预约上门</source>
        <translation>預約上門</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="42" />
        <source>邮政人员上门收取材料</source>
        <translation>郵政人員上門收取材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="43" />
        <source>办件查询</source>
        <translation>辦件查詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="43" />
        <source>查看申请的办理进度</source>
        <translation>查看申請的辦理進度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="44" />
        <source>社保业务</source>
        <translation>社保業務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="44" />
        <source>参保、缴费、待遇、社保卡</source>
        <translation>參保、繳費、待遇、社保卡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="45" />
        <source>智能审批</source>
        <translation>智能審批</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="45" />
        <source>符合条件即时审批</source>
        <translation>符合條件即時審批</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="46" />
        <source>粤港澳大湾区政务</source>
        <translation>粵港澳大灣區政務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="46" />
        <source>湾区通办服务</source>
        <translation>灣區通辦服務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="47" />
        <source>省政务服务网黄埔区分厅</source>
        <translation>省政務服務網黃埔區分廳</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="47" />
        <source>广东政务服务网</source>
        <translation>廣東政務服務網</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="48" />
        <source>网上中介超市</source>
        <translation>網上中介超市</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="48" />
        <source>中介服务事项</source>
        <translation>中介服務事項</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="49" />
        <source>粤省事</source>
        <translation>粵省事</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="49" />
        <source>广东民生服务</source>
        <translation>廣東民生服務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="84" />
        <source>更多服务 ›</source>
        <translation>更多服務 ›</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="84" />
        <source>‹ 返回常用服务</source>
        <translation>‹ 返回常用服務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="94" />
        <source>欢迎使用政务服务自助终端</source>
        <translation>歡迎使用政務服務自助終端</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="112" />
        <source>请选择您要办理的业务</source>
        <translation>請選擇您要辦理的業務</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="50" />
        <source>您还在办理吗？</source>
        <translation>您還在辦理嗎？</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="51" />
        <source>%1 秒后将结束办理，并清除您在本机输入的所有信息</source>
        <translation>%1 秒後將結束辦理，並清除您在本機輸入的所有信息</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="52" />
        <source>继续办理</source>
        <translation>繼續辦理</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="53" />
        <source>结束办理</source>
        <translation>結束辦理</translation>
    </message>
</context>
<context>
    <name>ItemScreen</name>
    <message>
        <location filename="../../ui/screens/item.py" line="83" />
        <source>即办（当场办结）</source>
        <translation>即辦（當場辦結）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/item.py" line="83" />
        <source>%n 个工作日</source>
        <translation>
            <numerusform>%n 個工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="89" />
        <source>原件</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="89" />
        <source>复印件</source>
        <translation>複印件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="89" />
        <source>电子版</source>
        <translation>電子版</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="91" />
        <source>本机自助办理</source>
        <translation>本機自助辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="92" />
        <source>邮政网点窗口办理</source>
        <translation>郵政網點窗口辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="93" />
        <source>网上办理（广东政务服务网、粤省事）</source>
        <translation>網上辦理（廣東政務服務網、粵省事）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="94" />
        <source>政务服务中心窗口办理</source>
        <translation>政務服務中心窗口辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="95" />
        <source>可预约邮政人员上门收取材料</source>
        <translation>可預約郵政人員上門收取材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="97" />
        <source>个人</source>
        <translation>個人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="97" />
        <source>企业</source>
        <translation>企業</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="97" />
        <source>个人和企业</source>
        <translation>個人和企業</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="105" />
        <source>必须</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="105" />
        <source>视情况提供</source>
        <translation>視情況提供</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="108" />
        <source>不收费</source>
        <translation>不收費</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="111" />
        <source>需要带的材料</source>
        <translation>需要帶的材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="112" />
        <source>去哪里办</source>
        <translation>去哪裏辦</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="114" />
        <source>多久办好</source>
        <translation>多久辦好</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="116" />
        <source>承诺时限：</source>
        <translation>承諾時限：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="117" />
        <source>法定时限：</source>
        <translation>法定時限：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="120" />
        <source>收费</source>
        <translation>收費</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="121" />
        <source>可以怎么办</source>
        <translation>可以怎麼辦</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="122" />
        <source>办理步骤</source>
        <translation>辦理步驟</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="123" />
        <source>咨询电话</source>
        <translation>諮詢電話</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="124" />
        <source>服务对象与部门</source>
        <translation>服務對象與部門</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="125" />
        <source>设定依据</source>
        <translation>設定依據</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="132" />
        <source>指南已打印，请在下方出纸口取走</source>
        <translation>指南已打印，請在下方出紙口取走</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="134" />
        <source>打印机暂不可用，请用手机扫描上方二维码保存指南</source>
        <translation>打印機暫不可用，請用手機掃描上方二維碼保存指南</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="139" />
        <source>手机扫码，把指南带走</source>
        <translation>手機掃碼，把指南帶走</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="140" />
        <source>打印办事指南</source>
        <translation>打印辦事指南</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="141" />
        <source>需要帮助可拨打12345政务服务热线</source>
        <translation>需要幫助可撥打12345政務服務熱線</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="160" />
        <source>这是办事指南，请准备好所列材料。可以打印指南，或用手机扫描二维码带走</source>
        <translation>這是辦事指南，請準備好所列材料。可以打印指南，或用手機掃描二維碼帶走</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="182" />
        <source>首页</source>
        <translation>首頁</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183" />
        <source>事项查询</source>
        <translation>事項查詢</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184" />
        <source>办事指南</source>
        <translation>辦事指南</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185" />
        <source>网上服务</source>
        <translation>網上服務</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186" />
        <source>技术人员入口</source>
        <translation>技術人員入口</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187" />
        <source>终端诊断</source>
        <translation>終端診斷</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272" />
        <source>正在打印，请稍候……</source>
        <translation>正在打印，請稍候……</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../../ui/screens/service.py" line="70" />
        <source>未设置技术人员密码</source>
        <translation>未設置技術人員密碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="78" />
        <source>错误次数过多，请 %1 秒后再试</source>
        <translation>錯誤次數過多，請 %1 秒後再試</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="81" />
        <source>密码错误，还可尝试 %1 次</source>
        <translation>密碼錯誤，還可嘗試 %1 次</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="85" />
        <source>技术人员入口：请输入密码</source>
        <translation>技術人員入口：請輸入密碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="86" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PortalView</name>
    <message>
        <location filename="../../ui/portal.py" line="138" />
        <source>返回首页</source>
        <translation>返回首頁</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="143" />
        <source>上一页</source>
        <translation>上一頁</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="191" />
        <location filename="../../ui/portal.py" line="268" />
        <location filename="../../ui/portal.py" line="272" />
        <source>该网页不在本服务范围内</source>
        <translation>該網頁不在本服務範圍內</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="264" />
        <source>本机不提供文件下载</source>
        <translation>本機不提供文件下載</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/chrome.py" line="77" />
        <source>⌂ 首页</source>
        <translation>⌂ 首頁</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="78" />
        <source>‹ 返回</source>
        <translation>‹ 返回</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="79" />
        <source>朗读</source>
        <translation>朗讀</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="80" />
        <source>结束办理</source>
        <translation>結束辦理</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="86" />
        <source>长辈版 ✓</source>
        <translation>長輩版 ✓</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="86" />
        <source>长辈版</source>
        <translation>長輩版</translation>
    </message>
</context>
<context>
    <name>TouchKeyboard</name>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="164" />
        <location filename="../../ui/widgets/keyboard.py" line="429" />
        <source>更多 ▶</source>
        <translation>更多 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="177" />
        <location filename="../../ui/widgets/keyboard.py" line="428" />
        <source>切换输入方式：拼音、字母、数字</source>
        <translation>切換輸入方式：拼音、字母、數字</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="179" />
        <location filename="../../ui/widgets/keyboard.py" line="425" />
        <source>空格</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="181" />
        <location filename="../../ui/widgets/keyboard.py" line="426" />
        <source>删除</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="183" />
        <location filename="../../ui/widgets/keyboard.py" line="427" />
        <source>清空</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="404" />
        <source>输入拼音，点选汉字</source>
        <translation>輸入拼音，點選漢字</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="407" />
        <source>词库准备中，字母直接输入</source>
        <translation>詞庫準備中，字母直接輸入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="410" />
        <source>字母、数字直接输入</source>
        <translation>字母、數字直接輸入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="433" />
        <source>拼音</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="433" />
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="433" />
        <source>123</source>
        <translation>123</translation>
    </message>
</context>
</TS>
